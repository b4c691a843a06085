package rewire.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a {@link Node} tree to a configuration record by reflection. A key the tree leaves out
 * keeps the value of the base instance: the record's {@code defaults()} at the top, the enclosing
 * default's component for a nested record. Every value is checked against its component's type;
 * every key must name a component. Path-typed components ({@link java.nio.file.Path},
 * {@link NameOrPath}) come out absolute: a relative path resolves against the folder of the node
 * that holds it (see {@link Node.Origin}); a default's against the working directory.
 */
final class Binder {
    private static final Node.Origin DEFAULTS = Node.Origin.inWorkingDirectory("defaults");
    private final Set<String> allKeys;

    private Binder(Set<String> allKeys) {
        this.allKeys = allKeys;
    }

    static <R extends Record> R bind(Class<R> type, Node.Mapping root) {
        Set<String> keys = new LinkedHashSet<>();
        collectKeys(type, "", keys, new ArrayList<>());
        return type.cast(new Binder(keys).bindRecord(type, root, defaultsOf(type), ""));
    }

    /** The record's {@code static R defaults()}, or null when it declares none. */
    static Object defaultsOf(Class<?> type) {
        Method method;
        try {
            method = type.getDeclaredMethod("defaults");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != type) {
            throw new ConfigException(type.getName() + ".defaults() must be static and return " + type.getSimpleName());
        }
        return invoke(method, null, type.getSimpleName() + ".defaults()");
    }

    private Object bindRecord(Class<?> type, Node node, Object base, String path) {
        if (!(node instanceof Node.Mapping mapping)) {
            throw typeError(path, node, "a mapping with the keys of " + type.getSimpleName());
        }
        RecordComponent[] components = type.getRecordComponents();
        checkKeys(mapping, components, path);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = join(path, c.getName());
            Object baseValue = base == null ? null : invoke(c.getAccessor(), base, key);
            Node child = mapping.get(c.getName());
            args[i] = child != null ? convert(child, c.getGenericType(), baseValue, key)
                    : base != null ? fromDefaults(baseValue, c.getGenericType(), key) : absent(c, key, mapping.origin());
            types[i] = c.getType();
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new ConfigException("invalid " + (path.isEmpty() ? type.getSimpleName() : path)
                    + " (" + mapping.origin() + "): " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("cannot construct " + type.getName() + ": " + e, e);
        }
    }

    /**
     * A default value, bound again from its own tree so that a relative path in it resolves against
     * the working directory, as an override's would (a default has no file to be relative to).
     */
    private Object fromDefaults(Object value, Type type, String key) {
        return convert(RecordTree.node(value, DEFAULTS), type, value, key);
    }

    /** The value of a key that is absent and has no default instance to take it from. */
    private static Object absent(RecordComponent c, String key, Node.Origin origin) {
        Class<?> type = c.getType();
        if (type == Optional.class) {
            return Optional.empty();
        }
        Object nested = type.isRecord() ? defaultsOf(type) : null;
        if (nested == null) {
            throw new ConfigException("missing key '" + key + "' (" + origin + "): "
                    + c.getDeclaringRecord().getSimpleName() + " has no defaults() to supply it");
        }
        return nested;
    }

    private Object convert(Node node, Type type, Object base, String key) {
        Class<?> raw = rawClass(type);
        if (node instanceof Node.Scalar s && s.isNull()) {
            if (raw.isPrimitive()) {
                throw typeError(key, node, Scalars.expected(raw));
            }
            return raw == Optional.class ? Optional.empty() : null;
        }
        if (raw == Optional.class) {
            Object inner = base instanceof Optional<?> o ? o.orElse(null) : null;
            return Optional.of(convert(node, typeArgument(type, key), inner, key));
        }
        if (raw == List.class) {
            return convertList(node, typeArgument(type, key), key);
        }
        if (raw.isRecord()) {
            return bindRecord(raw, node, base != null ? base : defaultsOf(raw), key);
        }
        if (!Scalars.supports(raw)) {
            throw new ConfigException(key + ": configuration records cannot hold " + type.getTypeName());
        }
        if (!(node instanceof Node.Scalar scalar)) {
            throw typeError(key, node, Scalars.expected(raw));
        }
        try {
            return Scalars.parse(raw, scalar.text(), scalar.origin().folder());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " (" + node.origin() + "): expected " + Scalars.expected(raw)
                    + ", got " + Node.describe(node) + e.getMessage());
        }
    }

    private List<Object> convertList(Node node, Type element, String key) {
        if (!(node instanceof Node.Sequence sequence)) {
            throw typeError(key, node, "a list");
        }
        List<Object> out = new ArrayList<>();
        Class<?> raw = rawClass(element);
        for (int i = 0; i < sequence.items().size(); i++) {
            Object base = raw.isRecord() ? defaultsOf(raw) : null;
            out.add(convert(sequence.items().get(i), element, base, key + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private void checkKeys(Node.Mapping mapping, RecordComponent[] components, String path) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        for (var entry : mapping.entries().entrySet()) {
            if (names.contains(entry.getKey())) {
                continue;
            }
            String key = join(path, entry.getKey());
            Set<String> candidates = new LinkedHashSet<>();
            names.forEach(n -> candidates.add(join(path, n)));
            candidates.addAll(allKeys);
            Optional<String> nearest = Suggest.nearestKey(key, candidates);
            String help = nearest.isPresent() ? Suggest.didYouMean(nearest)
                    : "; valid keys" + (path.isEmpty() ? "" : " under " + path) + ": " + String.join(", ", names);
            throw new ConfigException("unknown key '" + key + "' (" + entry.getValue().origin() + ")" + help);
        }
    }

    /** Dotted paths of every key of {@code type}, nested records included (not inside lists). */
    private static void collectKeys(Class<?> type, String prefix, Set<String> keys, List<Class<?>> enclosing) {
        if (enclosing.contains(type)) {
            return;  // a record that contains itself through Optional
        }
        enclosing.add(type);
        for (RecordComponent c : type.getRecordComponents()) {
            String key = join(prefix, c.getName());
            keys.add(key);
            Type t = c.getGenericType();
            Class<?> raw = rawClass(t) == Optional.class ? rawClass(typeArgument(t, key)) : rawClass(t);
            if (raw.isRecord()) {
                collectKeys(raw, key, keys, enclosing);
            }
        }
        enclosing.remove(type);
    }

    private static ConfigException typeError(String key, Node node, String expected) {
        return new ConfigException((key.isEmpty() ? "configuration" : key) + " (" + node.origin() + "): expected "
                + expected + ", got " + Node.describe(node));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new ConfigException("unsupported type " + type.getTypeName() + " in a configuration record");
    }

    private static Type typeArgument(Type type, String key) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        throw new ConfigException(key + ": raw " + type.getTypeName() + " needs a type argument");
    }

    private static Object invoke(Method method, Object target, String what) {
        try {
            method.setAccessible(true);
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new ConfigException(what + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("cannot read " + what + ": " + e, e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
