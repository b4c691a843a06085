package rewire.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Builds the {@link Node} tree of YAML 1.2 text from SnakeYAML Engine's composed node graph (the
 * core schema), so that every node keeps the place it was written at. SnakeYAML parses; this class
 * adds what a configuration needs on top: duplicate keys, keys that are not scalars, aliases to a
 * collection that contains them and tags outside YAML's own are errors at their line and column.
 */
final class YamlReader {
    private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

    private final Function<Optional<Mark>, Node.Origin> origins;
    /** The collections being converted, to catch an alias to one of them (a cycle). */
    private final Set<org.snakeyaml.engine.v2.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlReader(Function<Optional<Mark>, Node.Origin> origins) {
        this.origins = origins;
    }

    /**
     * The tree of a YAML document, empty for text without one (empty, or only comments); nodes are
     * placed at {@code source:line:column} and relative paths in them resolve against {@code folder}.
     */
    static Optional<Node> document(String text, String source, Path folder) {
        return read(text, source, mark -> new Node.Origin(place(source, mark), folder));
    }

    /** The tree of an inline value (an override's), every node placed at {@code origin}. */
    static Optional<Node> inline(String text, Node.Origin origin) {
        return read(text, origin.place(), mark -> origin);
    }

    private static Optional<Node> read(String text, String source, Function<Optional<Mark>, Node.Origin> origins) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setAllowNonScalarKeys(true).build();
        Optional<org.snakeyaml.engine.v2.nodes.Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(source, e);
        } catch (YamlEngineException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
        YamlReader reader = new YamlReader(origins);
        return root.map(node -> reader.convert(node, reader.origin(node)));
    }

    /** {@code node} as a {@link Node}; {@code origin} is where it is reported (a mapping's value: at its key). */
    private Node convert(org.snakeyaml.engine.v2.nodes.Node node, Node.Origin origin) {
        checkTag(node);
        return switch (node) {
            case ScalarNode s -> new Node.Scalar(s.getValue(), isText(s), origin);
            case SequenceNode q -> {
                enter(node);
                List<Node> items = new ArrayList<>();
                q.getValue().forEach(item -> items.add(convert(item, origin(item))));
                open.remove(node);
                yield new Node.Sequence(items, origin);
            }
            case MappingNode m -> {
                enter(node);
                Node.Mapping mapping = mapping(m, origin);
                open.remove(node);
                yield mapping;
            }
            default -> throw error(node, "unsupported YAML node " + node.getNodeType());
        };
    }

    private Node.Mapping mapping(MappingNode node, Node.Origin origin) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.Origin> keyOrigins = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "a key must be a scalar, not a "
                        + tuple.getKeyNode().getNodeType().name().toLowerCase(Locale.ROOT));
            }
            Node.Origin keyOrigin = origin(key);
            Node.Origin first = keyOrigins.putIfAbsent(key.getValue(), keyOrigin);
            if (first != null) {
                throw new ConfigException(keyOrigin + ": duplicate key '" + key.getValue() + "' (first at " + first + ")");
            }
            entries.put(key.getValue(), convert(tuple.getValueNode(), keyOrigin));
        }
        return new Node.Mapping(entries, origin);
    }

    private void enter(org.snakeyaml.engine.v2.nodes.Node collection) {
        if (!open.add(collection)) {
            throw error(collection, "this collection holds an alias to itself");
        }
    }

    /**
     * Whether a scalar is text that is never null: quoted, a block scalar ({@code |}, {@code >}),
     * or tagged explicitly ({@code !!str null}).
     */
    private static boolean isText(ScalarNode s) {
        return !s.isPlain() || (!s.getTag().equals(Tag.NULL) && !s.getTag().equals(RESOLVER.resolve(s.getValue(), true)));
    }

    private void checkTag(org.snakeyaml.engine.v2.nodes.Node node) {
        if (!node.getTag().getValue().startsWith(Tag.PREFIX)) {
            throw error(node, "unsupported tag " + node.getTag().getValue());
        }
    }

    private Node.Origin origin(org.snakeyaml.engine.v2.nodes.Node node) {
        return origins.apply(node.getStartMark());
    }

    private ConfigException error(org.snakeyaml.engine.v2.nodes.Node node, String message) {
        return new ConfigException(origin(node) + ": " + message);
    }

    /** {@code source:line:column} (counted from 1), or {@code source} without a mark. */
    private static String place(String source, Optional<Mark> mark) {
        return mark.map(m -> source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(source);
    }

    /** SnakeYAML's problem at its place, with the construct it was reading ("while parsing a flow sequence"). */
    private static ConfigException syntaxError(String source, MarkedYamlEngineException e) {
        String context = e.getContext() == null || e.getContext().isBlank() ? ""
                : " (" + e.getContext() + e.getContextMark().map(m -> " at " + place(source, Optional.of(m))).orElse("") + ")";
        return new ConfigException(place(source, e.getProblemMark()) + ": " + e.getProblem() + context, e);
    }
}
