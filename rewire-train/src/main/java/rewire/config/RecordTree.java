package rewire.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Node} tree of a configuration record, the inverse of binding: every component
 * becomes a key (nulls and empty {@code Optional}s as null), so the written tree binds back to an
 * equal record whatever the defaults are.
 */
final class RecordTree {
    private static final Node.Origin WRITTEN = Node.Origin.inWorkingDirectory("written config");

    private RecordTree() {
    }

    static Node.Mapping of(Record record) {
        return (Node.Mapping) node(record, WRITTEN);
    }

    /** The tree of a configuration value (a record, a list, an {@code Optional} or a scalar), placed at {@code origin}. */
    static Node node(Object value, Node.Origin origin) {
        return switch (value) {
            case null -> Node.Scalar.nullValue(origin);
            case Optional<?> o -> node(o.orElse(null), origin);
            case Record r -> mapping(r, origin);
            case List<?> list -> {
                List<Node> items = new ArrayList<>();
                list.forEach(item -> items.add(node(item, origin)));
                yield new Node.Sequence(items, origin);
            }
            default -> {
                if (!Scalars.supports(value.getClass())) {
                    throw new ConfigException("cannot write a " + value.getClass().getName() + " in a configuration");
                }
                yield new Node.Scalar(Scalars.format(value), Scalars.isText(value.getClass()), origin);
            }
        };
    }

    private static Node.Mapping mapping(Record record, Node.Origin origin) {
        Map<String, Node> entries = new LinkedHashMap<>();
        components(record).forEach((name, value) -> entries.put(name, node(value, origin)));
        return new Node.Mapping(entries, origin);
    }

    /**
     * The record as plain Java values for JSON: records become maps (component order kept), lists
     * lists, numbers and booleans themselves, enums and other scalars their configuration text.
     */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Optional<?> o -> plain(o.orElse(null));
            case Record r -> {
                Map<String, Object> map = new LinkedHashMap<>();
                components(r).forEach((name, v) -> map.put(name, plain(v)));
                yield map;
            }
            case List<?> list -> list.stream().map(RecordTree::plain).toList();
            case Number n -> n;
            case Boolean b -> b;
            default -> Scalars.format(value);
        };
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                values.put(c.getName(), c.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new ConfigException("cannot read " + c + " of " + record.getClass().getName() + ": " + e, e);
            }
        }
        return values;
    }
}
