package rewire.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Loads configuration records: a YAML ({@code .yaml}, {@code .yml}) or {@code .properties} file,
 * then command-line {@link Overrides}, bound to a record type (see the package documentation for
 * the defaults pattern). Writes records back as YAML.
 *
 * <pre>{@code
 * record Optim(double lr, double momentum) { static Optim defaults() { return new Optim(0.01, 0.9); } }
 * record Run(long seed, Optim optim) { static Run defaults() { return new Run(1, Optim.defaults()); } }
 * Run run = Config.load(Run.class, Path.of("run.yaml"), List.of("optim.lr=0.05"));
 * }</pre>
 */
public final class Config {
    private Config() {
    }

    /**
     * The record bound from {@code file} and then {@code overrides}.
     *
     * @throws ConfigException for a syntax error, a type error, an unknown or missing key
     * @throws IOException when the file cannot be read
     */
    public static <R extends Record> R load(Class<R> type, Path file, List<String> overrides) throws IOException {
        return bind(type, Overrides.apply(read(file), overrides));
    }

    /** The record from its defaults and {@code overrides} alone. */
    public static <R extends Record> R load(Class<R> type, List<String> overrides) {
        return bind(type, Overrides.apply(Node.Mapping.empty(Node.Origin.inWorkingDirectory("defaults")), overrides));
    }

    /** The record bound from YAML text; {@code source} names it in errors. */
    public static <R extends Record> R fromYaml(Class<R> type, String yaml, String source) {
        return bind(type, requireMapping(Yaml.parse(yaml, source), source));
    }

    /** Binds a parsed tree to {@code type}; see {@link Binder}. */
    public static <R extends Record> R bind(Class<R> type, Node.Mapping tree) {
        return Binder.bind(type, tree);
    }

    /** The record's {@code defaults()}. */
    public static <R extends Record> R defaults(Class<R> type) {
        Object defaults = Binder.defaultsOf(type);
        if (defaults == null) {
            throw new ConfigException(type.getName() + " declares no static defaults()");
        }
        return type.cast(defaults);
    }

    /** YAML text holding every component of {@code config}; {@link #fromYaml} reads it back to an equal record. */
    public static String toYaml(Record config) {
        return Yaml.write(RecordTree.of(config));
    }

    /** How a configuration file spells the choice {@code value}: the constant's name in lower case. */
    public static String spelling(Enum<?> value) {
        return Scalars.format(value);
    }

    /** {@code config} as plain maps, lists, numbers, booleans and strings, ready for JSON. */
    public static Object toPlain(Record config) {
        return RecordTree.plain(config);
    }

    /**
     * The tree of a {@code .yaml}, {@code .yml} or {@code .properties} file; relative paths in it
     * resolve against the file's folder.
     *
     * @throws ConfigException also for a file without settings (empty, or only comments): that is
     *     never what was meant, and leaving the file out gives the defaults
     */
    public static Node.Mapping read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        Path folder = file.toAbsolutePath().getParent();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            Node document = Yaml.document(text, file.toString(), folder).orElseThrow(() -> noSettings(file));
            return requireMapping(document, file.toString());
        }
        if (name.endsWith(".properties")) {
            Node.Mapping tree = fromProperties(text, file.toString(), folder);
            if (tree.entries().isEmpty()) {
                throw noSettings(file);
            }
            return tree;
        }
        throw new ConfigException(file + ": unknown configuration format, expected .yaml, .yml or .properties");
    }

    private static ConfigException noSettings(Path file) {
        return new ConfigException(file + ": no settings (the file is empty or holds only comments); to train with"
                + " the defaults, give no configuration file (rewire train with no arguments)");
    }

    /**
     * The tree of {@code .properties} text: each {@code a.b.c = value} sets a dotted key as an
     * override does, so values are inline YAML values ({@code [a, b]} lists, quotes allowed);
     * relative paths resolve against {@code folder}.
     */
    public static Node.Mapping fromProperties(String text, String source, Path folder) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(source + ": malformed properties: " + e.getMessage(), e);
        }
        Node.Mapping root = Node.Mapping.empty(new Node.Origin(source, folder));
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            root = Overrides.set(root, key, properties.getProperty(key).strip(),
                    new Node.Origin(source + " (" + key + ")", folder));
        }
        return root;
    }

    private static Node.Mapping requireMapping(Node node, String source) {
        if (node instanceof Node.Mapping mapping) {
            return mapping;
        }
        throw new ConfigException(source + ": a configuration must be a mapping of keys, got " + Node.describe(node));
    }
}
