package rewire.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed configuration tree, before binding: scalars (kept as text until the target type is
 * known), sequences and mappings. Every node remembers where it came from ({@code config.yaml:12:7},
 * {@code override 'optim.lr=0.05'}) so errors can point there, and the folder that a relative path
 * written there is relative to. Immutable.
 */
public sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

    /** Where the node was written. */
    Origin origin();

    /**
     * Where a node was written and what its relative paths resolve against.
     *
     * @param place  the source and position, for messages: {@code config.yaml:12:7}, {@code override 'a=1'}
     * @param folder the absolute folder that a relative path in the node is relative to: the
     *               configuration file's folder, or the working directory for text that has no file
     */
    record Origin(String place, Path folder) {
        public Origin {
            if (!folder.isAbsolute()) {
                throw new IllegalArgumentException("origin folder must be absolute, got " + folder);
            }
        }

        /** {@code place}, whose relative paths resolve against the working directory. */
        public static Origin inWorkingDirectory(String place) {
            return new Origin(place, Path.of("").toAbsolutePath());
        }

        @Override
        public String toString() {
            return place;
        }
    }

    /**
     * A scalar as written. {@code quoted} marks text that was quoted in the source (or is a string
     * to be written back), which is never read as null.
     */
    record Scalar(String text, boolean quoted, Origin origin) implements Node {
        /** A null value: an unquoted empty text, {@code null} or {@code ~}. */
        public boolean isNull() {
            return !quoted && (text.isEmpty() || text.equalsIgnoreCase("null") || text.equals("~"));
        }

        static Scalar nullValue(Origin origin) {
            return new Scalar("", false, origin);
        }
    }

    /** A list of nodes. */
    record Sequence(List<Node> items, Origin origin) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** Keys in order of appearance, each to a node. */
    record Mapping(Map<String, Node> entries, Origin origin) implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public static Mapping empty(Origin origin) {
            return new Mapping(Map.of(), origin);
        }

        /** The node under {@code key}, or null. */
        public Node get(String key) {
            return entries.get(key);
        }

        /** A copy with {@code key} set to {@code value} (replacing any previous value in place). */
        public Mapping with(String key, Node value) {
            Map<String, Node> copy = new LinkedHashMap<>(entries);
            copy.put(key, value);
            return new Mapping(copy, origin);
        }
    }

    /** A short description of the node's kind, for messages: "a list", "a mapping" or the quoted scalar. */
    static String describe(Node node) {
        return switch (node) {
            case Scalar s when s.isNull() -> "null";
            case Scalar s -> "'" + s.text() + "'";
            case Sequence q -> "a list";
            case Mapping m -> "a mapping";
        };
    }
}
