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
    private static final String ORIGIN = "written config";

    private RecordTree() {
    }

    static Node.Mapping of(Record record) {
        return (Node.Mapping) node(record);
    }

    private static Node node(Object value) {
        return switch (value) {
            case null -> Node.Scalar.nullValue(ORIGIN);
            case Optional<?> o -> node(o.orElse(null));
            case Record r -> mapping(r);
            case List<?> list -> {
                List<Node> items = new ArrayList<>();
                list.forEach(item -> items.add(node(item)));
                yield new Node.Sequence(items, ORIGIN);
            }
            default -> {
                if (!Scalars.supports(value.getClass())) {
                    throw new ConfigException("cannot write a " + value.getClass().getName() + " in a configuration");
                }
                yield new Node.Scalar(Scalars.format(value), Scalars.isText(value.getClass()), ORIGIN);
            }
        };
    }

    private static Node.Mapping mapping(Record record) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                entries.put(c.getName(), node(c.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new ConfigException("cannot read " + c + " of " + record.getClass().getName() + ": " + e, e);
            }
        }
        return new Node.Mapping(entries, ORIGIN);
    }
}
