package rewire.config;

/**
 * The YAML subset Rewire reads and writes:
 * <ul>
 *   <li>block mappings {@code key: value}, nested by indentation (spaces only);</li>
 *   <li>block lists of {@code - item} lines, whose items may be scalars, flow lists or mappings
 *       ({@code - name: a} with further keys aligned under {@code name});</li>
 *   <li>flow lists of scalars {@code [a, b, "c, d"]}, and {@code {}} for an empty mapping;</li>
 *   <li>scalars: plain text, {@code "double-quoted"} (escapes {@code \" \\ \n \t \r \0 \/ \\uXXXX}) or
 *       {@code 'single-quoted'} ({@code ''} for a quote); {@code null}, {@code ~} or nothing for null;</li>
 *   <li>comments from {@code #} (at the start or after a space, outside quotes) to the end of line;</li>
 *   <li>an optional leading {@code ---}.</li>
 * </ul>
 * Not supported, with an error naming the line: anchors and aliases, tags, block scalars
 * ({@code |}, {@code >}), flow mappings, nested flow collections, multiple documents, tabs in
 * indentation, duplicate keys. Scalars stay text: their type is decided when binding to a record.
 */
public final class Yaml {
    private Yaml() {
    }

    /**
     * Parses {@code text}; {@code source} (such as the file name) prefixes every error and origin.
     *
     * @throws ConfigException naming {@code source}, the line and the problem
     */
    public static Node parse(String text, String source) {
        return YamlParser.parse(text, source);
    }

    /** YAML text for {@code node} that {@link #parse} reads back to an equal tree (origins aside). */
    public static String write(Node node) {
        return YamlWriter.write(node);
    }
}
