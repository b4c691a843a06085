package rewire.recipe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code key=value} text into a recipe's options record ({@link RecipeOptions}) and
 * describes its options, by the record's components: each component is one option named after it,
 * typed by it and documented by its {@link Option}; a component without {@link Option} whose type
 * is a record contributes that record's options as if they were its own (CHTss holds the options
 * of CHTs). Every value is parsed and range-checked here, once, with errors that name the recipe,
 * the option, the value and what is valid.
 */
final class OptionReader {
    private OptionReader() {
    }

    /** One option of a record: its name, its component and its default value. */
    record Field(String key, RecordComponent component, Object defaultValue) {
        Option option() {
            return component.getAnnotation(Option.class);
        }

        Class<?> type() {
            return component.getType();
        }
    }

    /** The options of {@code defaults}' record type, with their defaults, in declaration order. */
    static List<Field> fields(Record defaults) {
        List<Field> out = new ArrayList<>();
        for (RecordComponent c : defaults.getClass().getRecordComponents()) {
            if (nests(c)) {
                out.addAll(fields((Record) value(c, defaults)));
            } else if (c.getAnnotation(Option.class) != null) {
                out.add(new Field(c.getName(), c, value(c, defaults)));
            } else {
                throw new IllegalStateException(defaults.getClass().getName() + "." + c.getName() + " has no @Option");
            }
        }
        return out;
    }

    /**
     * {@code defaults} with the options in {@code text} replaced by their parsed values.
     *
     * @throws IllegalArgumentException for an unknown option (with the nearest name), a value that
     *     does not parse or is out of range, or options that contradict each other
     */
    static <O extends Record> O read(String recipe, O defaults, Map<String, String> text) {
        List<String> keys = fields(defaults).stream().map(Field::key).toList();
        for (String key : text.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("recipe " + recipe + " has no option '" + key + "'"
                        + Parts.didYouMean(key, keys) + "; its options are " + keys);
            }
        }
        try {
            return build(defaults, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recipe " + recipe + ": " + e.getMessage(), e);
        }
    }

    // defaults with the values in text, nested records built the same way
    private static <O extends Record> O build(O defaults, Map<String, String> text) {
        RecordComponent[] components = defaults.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = components[i];
            Object base = value(c, defaults);
            String value = text.get(c.getName());
            args[i] = nests(c) ? build((Record) base, text)
                    : value == null ? base : parse(new Field(c.getName(), c, base), value.trim());
            types[i] = c.getType();
        }
        try {
            @SuppressWarnings("unchecked")
            O out = (O) defaults.getClass().getDeclaredConstructor(types).newInstance(args);
            return out;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + defaults.getClass().getName(), e);
        }
    }

    // a record component that holds more options rather than one
    private static boolean nests(RecordComponent c) {
        return c.getAnnotation(Option.class) == null && c.getType().isRecord();
    }

    /** What values {@code f} takes: a range, the choices of a part, or a form. */
    static String valid(Field f) {
        Class<?> t = f.type();
        if (t == boolean.class) {
            return "true or false";
        }
        if (t == ConstraintChoice.class) {
            return Parts.choices(ConstraintPart.class);
        }
        if (t == InitChoice.class) {
            return Parts.choices(InitPart.class);
        }
        if (Part.class.isAssignableFrom(t)) {
            return Parts.choices(t.asSubclass(Part.class));
        }
        Option o = f.option();
        String kind = t == double.class ? "a number" : "a whole number";
        if (o.max() == Double.POSITIVE_INFINITY) {
            return o.min() == Double.NEGATIVE_INFINITY ? kind
                    : kind + (o.aboveMin() ? " > " : " >= ") + Parts.number(o.min());
        }
        return kind + " in " + (o.aboveMin() ? "(" : "[") + Parts.number(o.min()) + ", " + Parts.number(o.max()) + "]";
    }

    /** A value as option text. */
    static String text(Object value) {
        return switch (value) {
            case Double d -> Parts.number(d);
            case Part p -> p.key();
            default -> value.toString();
        };
    }

    private static Object parse(Field f, String text) {
        try {
            return convert(f, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + f.key() + " = '" + text + "': " + e.getMessage()
                    + (e.getMessage().contains("choices") ? "" : "; valid: " + valid(f)), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Field f, String text) {
        Class<?> t = f.type();
        if (t == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not true or false");
            }
            return Boolean.parseBoolean(text);
        }
        if (t == ConstraintChoice.class) {
            return ConstraintChoice.parse(text);
        }
        if (t == InitChoice.class) {
            return InitChoice.parse(text);
        }
        if (t.isEnum()) {
            return Parts.parse((Class) t, text);
        }
        double number = number(t, text);
        Option o = f.option();
        boolean below = o.aboveMin() ? !(number > o.min()) : !(number >= o.min());
        if (below || !(number <= o.max())) {
            throw new IllegalArgumentException("out of range");
        }
        return t == long.class ? (Object) (long) number : t == int.class ? (Object) (int) number : number;
    }

    private static double number(Class<?> t, String text) {
        if (t == double.class) {
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not finite");
            }
            return d;
        }
        try {
            return t == int.class ? Integer.parseInt(text) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number" + (t == int.class ? " of int size" : ""));
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
    }
}
