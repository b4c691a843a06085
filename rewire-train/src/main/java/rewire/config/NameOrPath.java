package rewire.config;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A setting that is either the name of something built in or a file, such as a scenario: {@code 3m}
 * or {@code maps/duel.json}. Text that holds a {@code /} or ends in a file extension ({@code .json})
 * is a path and, like every {@link Path} setting, a relative one resolves against the folder of the
 * configuration file that holds it (the working directory for an override); other text is a name,
 * kept as written. A scalar, not a record: configuration records are sections of keys.
 */
public final class NameOrPath {
    private static final Pattern EXTENSION = Pattern.compile(".*[^./\\\\]\\.[A-Za-z0-9]+");

    private final String name;
    private final Path path;

    private NameOrPath(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    /**
     * A name.
     *
     * @throws IllegalArgumentException for blank text or text that reads as a path
     */
    public static NameOrPath ofName(String name) {
        if (name.isBlank() || looksLikePath(name)) {
            throw new IllegalArgumentException("not a name: '" + name + "'");
        }
        return new NameOrPath(name, null);
    }

    public static NameOrPath ofPath(Path path) {
        return new NameOrPath(null, Objects.requireNonNull(path));
    }

    /** The setting written as {@code text}, a relative path resolved against {@code folder}. */
    static NameOrPath parse(String text, Path folder) {
        return looksLikePath(text) ? ofPath(folder.resolve(text).normalize()) : ofName(text);
    }

    private static boolean looksLikePath(String text) {
        return text.contains("/") || text.contains(File.separator) || EXTENSION.matcher(text).matches();
    }

    public boolean isPath() {
        return path != null;
    }

    /**
     * The name.
     *
     * @throws IllegalStateException for a path
     */
    public String name() {
        if (isPath()) {
            throw new IllegalStateException(path + " is a path, not a name");
        }
        return name;
    }

    /**
     * The path.
     *
     * @throws IllegalStateException for a name
     */
    public Path path() {
        if (!isPath()) {
            throw new IllegalStateException("'" + name + "' is a name, not a path");
        }
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameOrPath other && Objects.equals(name, other.name) && Objects.equals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, path);
    }

    /** The name, or the path as text: what a configuration file holds. */
    @Override
    public String toString() {
        return isPath() ? path.toString() : name;
    }
}
