package rewire.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * YAML 1.2 (core schema) through SnakeYAML Engine, read into and written from {@link Node} trees:
 * block and flow style, comments, anchors and aliases, quoted strings, {@code |} and {@code >}
 * multi-line strings. Scalars stay text: their type is decided when binding to a record. Errors
 * name the source, the line and the column: SnakeYAML's syntax errors, and on top of them duplicate
 * keys, keys that are not scalars, an alias to a collection that contains it, and tags other than
 * YAML's own ({@code !!str}).
 */
public final class Yaml {
    private Yaml() {
    }

    /**
     * The tree of {@code text}; {@code source} (such as the file name) starts every error and
     * origin, and relative paths in it resolve against the working directory.
     *
     * @throws ConfigException naming {@code source}, the line, the column and the problem, also
     *     when the text holds no document (it is empty or only comments)
     */
    public static Node parse(String text, String source) {
        return document(text, source, Path.of("").toAbsolutePath()).orElseThrow(() -> new ConfigException(source
                + ": no YAML document (the text is empty or holds only comments)"));
    }

    /**
     * The document of {@code text}, empty when it has none; relative paths in it resolve against
     * {@code folder} (the folder of the file it was read from).
     *
     * @throws ConfigException naming {@code source}, the line, the column and the problem
     */
    public static Optional<Node> document(String text, String source, Path folder) {
        return YamlReader.document(text, source, folder.toAbsolutePath());
    }

    /** YAML text for {@code node} that {@link #parse} reads back to an equal tree (origins aside). */
    public static String write(Node node) {
        return YamlWriter.write(node);
    }
}
