package rewire.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Command-line overrides {@code key=value}: a dotted key ({@code optim.lr}) names a path of
 * mapping keys, created where missing; the value is an inline YAML value (a scalar, a quoted
 * string, a flow list {@code [a, b]} or mapping {@code {a: 1}}; nothing after {@code =} means
 * null). Later overrides win. A relative path in an override resolves against the working
 * directory, where the command was typed.
 */
public final class Overrides {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

    private Overrides() {
    }

    /**
     * {@code root} with every override of {@code args} applied in order.
     *
     * @throws ConfigException for an argument that is not {@code key=value}, or a key whose path
     *     runs through a value that is not a mapping
     */
    public static Node.Mapping apply(Node.Mapping root, List<String> args) {
        Node.Mapping result = root;
        for (String arg : args) {
            Node.Origin origin = Node.Origin.inWorkingDirectory("override '" + arg + "'");
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(origin + ": expected key=value with a dotted key, such as optim.lr=0.05");
            }
            result = set(result, arg.substring(0, eq).strip(), arg.substring(eq + 1).strip(), origin);
        }
        return result;
    }

    /** The key of an override {@code key=value} (the whole argument when it has no {@code =}), stripped. */
    public static String key(String arg) {
        int eq = arg.indexOf('=');
        return (eq < 0 ? arg : arg.substring(0, eq)).strip();
    }

    /**
     * {@code root} with the dotted {@code key} set to the inline value {@code text} (null when
     * empty); {@code origin} names the setting in errors.
     */
    static Node.Mapping set(Node.Mapping root, String key, String text, Node.Origin origin) {
        if (!KEY.matcher(key).matches()) {
            throw new ConfigException(origin + ": '" + key + "' is not a dotted key such as optim.lr");
        }
        Node value = text.isEmpty() ? Node.Scalar.nullValue(origin) : YamlReader.inline(text, origin)
                .orElseThrow(() -> new ConfigException(origin + ": no value after '=' ('#' starts a YAML comment;"
                        + " quote text that starts with it)"));
        return set(root, key.split("\\."), 0, value, origin);
    }

    /** {@code mapping} with {@code path[i..]} set to {@code value}. */
    private static Node.Mapping set(Node.Mapping mapping, String[] path, int i, Node value, Node.Origin origin) {
        if (i == path.length - 1) {
            return mapping.with(path[i], value);
        }
        Node child = mapping.get(path[i]);
        Node.Mapping next = switch (child) {
            case null -> Node.Mapping.empty(origin);
            case Node.Scalar s when s.isNull() -> Node.Mapping.empty(origin);
            case Node.Mapping m -> m;
            default -> throw new ConfigException(origin + ": '" + String.join(".", List.of(path).subList(0, i + 1))
                    + "' holds " + Node.describe(child) + " (" + child.origin() + "), not a mapping");
        };
        return mapping.with(path[i], set(next, path, i + 1, value, origin));
    }
}
