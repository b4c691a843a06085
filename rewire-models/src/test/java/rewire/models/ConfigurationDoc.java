package rewire.models;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import rewire.config.Config;

/**
 * Writes the table of every configuration key of a workload from its configuration record: the
 * key's dotted path and type from the record components (nested records are sections), its
 * default from the record's {@code defaults()}, its meaning from the {@code @param} line of the
 * record's Javadoc, read from the source with the JDK's own parser. A component without an
 * {@code @param} line is an error, so every key stays documented.
 */
public final class ConfigurationDoc {
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private final List<Path> sourceRoots;
    private final Map<Class<?>, Javadoc> docs = new LinkedHashMap<>();

    /** A generator that finds the records' sources under {@code sourceRoots}. */
    public ConfigurationDoc(List<Path> sourceRoots) {
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /** The class comment and the {@code @param} lines of one record. */
    private record Javadoc(String body, Map<String, String> params) {
    }

    /** One row of a table. */
    public record Key(String path, String type, String defaultValue, String meaning) {
    }

    /** The keys of {@code type} (a configuration record with {@code defaults()}), in component order. */
    public List<Key> keys(Class<? extends Record> type) throws IOException {
        List<Key> keys = new ArrayList<>();
        collect(type, Config.defaults(type), "", keys);
        return keys;
    }

    /** The class comment of {@code type}, on one line. */
    public String description(Class<?> type) throws IOException {
        return javadoc(type).body();
    }

    /** A Markdown section: a heading, the record's description, and the table of its keys. */
    public String section(String heading, Class<? extends Record> type) throws IOException {
        StringBuilder out = new StringBuilder("## " + heading + "\n\n" + description(type) + "\n\n");
        out.append("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (Key k : keys(type)) {
            out.append("| `").append(k.path()).append("` | ").append(cell(k.type())).append(" | ")
                    .append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`").append(" | ")
                    .append(cell(k.meaning())).append(" |\n");
        }
        return out.toString();
    }

    private void collect(Class<?> type, Object value, String prefix, List<Key> keys) throws IOException {
        Javadoc doc = javadoc(type);
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            Object v = read(c, value);
            if (c.getType().isRecord()) {
                collect(c.getType(), v, path, keys);
                continue;
            }
            String meaning = doc.params().get(c.getName());
            if (meaning == null) {
                throw new IllegalStateException(type.getName() + " documents no @param " + c.getName()
                        + " (key " + path + ")");
            }
            keys.add(new Key(path, typeName(c.getGenericType()), format(v), meaning));
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType p) {
            String inner = typeName(p.getActualTypeArguments()[0]);
            return p.getRawType() == List.class ? "list of " + inner + "s" : inner + ", optional";
        }
        Class<?> c = (Class<?>) type;
        if (c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants()).map(ConfigurationDoc::format)
                    .collect(Collectors.joining(", "));
        }
        return switch (c.getSimpleName()) {
            case "int", "long", "Integer", "Long" -> "integer";
            case "double", "float", "Double", "Float" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "Path" -> "path";
            default -> "string";
        };
    }

    // a value as a user writes it: enums in lower case with '-', lists in brackets, nothing for none
    private static String format(Object value) {
        return switch (value) {
            case null -> "";
            case Optional<?> o -> format(o.orElse(null));
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            case List<?> list -> list.stream().map(ConfigurationDoc::format).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private Javadoc javadoc(Class<?> type) throws IOException {
        Javadoc cached = docs.get(type);
        if (cached == null) {
            cached = parse(type);
            docs.put(type, cached);
        }
        return cached;
    }

    private Javadoc parse(Class<?> type) throws IOException {
        Path file = source(type);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjects(file));
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                ClassTree c = find(unit.getTypeDecls(), type);
                if (c != null) {
                    return javadoc(trees.getDocCommentTree(TreePath.getPath(unit, c)), type);
                }
            }
        }
        throw new IllegalStateException(file + " declares no " + type.getSimpleName());
    }

    // the declaration of `type` among `decls` or their members, nested classes included
    private static ClassTree find(List<? extends Tree> decls, Class<?> type) {
        for (Tree decl : decls) {
            if (decl instanceof ClassTree c) {
                ClassTree found = c.getSimpleName().contentEquals(type.getSimpleName()) ? c : find(c.getMembers(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Javadoc javadoc(DocCommentTree doc, Class<?> type) {
        if (doc == null) {
            throw new IllegalStateException(type.getName() + " has no Javadoc");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (DocTree tag : doc.getBlockTags()) {
            if (tag instanceof ParamTree p) {
                params.put(p.getName().getName().toString(), text(p.getDescription()));
            }
        }
        return new Javadoc(text(doc.getFullBody()), params);
    }

    // Javadoc text on one line, {@code x} as `x`, {@link X} as X, and the tree printer's escapes of
    // characters beyond ASCII (backslash, u, four hex digits) as those characters
    private static String text(List<? extends DocTree> parts) {
        String raw = UNICODE_ESCAPE.matcher(parts.stream().map(DocTree::toString).collect(Collectors.joining()))
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        return raw.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link(plain)? ([^}]*)}", "$2")
                .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    private Path source(Class<?> type) {
        Class<?> outermost = type;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        String relative = outermost.getName().replace('.', '/') + ".java";
        for (Path root : sourceRoots) {
            if (Files.isRegularFile(root.resolve(relative))) {
                return root.resolve(relative);
            }
        }
        throw new IllegalStateException("no source of " + type.getName() + " under " + sourceRoots);
    }
}
