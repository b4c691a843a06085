/**
 * Typed configuration. A run is configured by an immutable Java record (nested records, lists,
 * enums, primitives, strings, {@code Optional}s), filled from a YAML or {@code .properties} file
 * and {@code key=value} command-line overrides with dotted keys ({@code optim.lr=0.05}).
 *
 * <p>The pipeline: text is parsed into a {@link rewire.config.Node} tree ({@link rewire.config.Yaml},
 * YAML 1.2 through SnakeYAML Engine, or {@code .properties}), every node keeping its file, line and
 * column for messages; {@link rewire.config.Overrides} are applied to
 * the tree, and {@link rewire.config.Config#bind} turns the tree into the record by reflection,
 * checking every type and rejecting unknown keys with the nearest valid key as a suggestion.
 * {@link rewire.config.Config#toYaml} writes a record back as YAML that binds to an equal record.
 *
 * <p><b>Defaults.</b> A configuration record declares {@code public static R defaults()}; a key
 * that the file and the overrides leave out keeps the value of that instance (for a nested record:
 * the value in the enclosing record's defaults, so an outer record can refine an inner one's).
 * Validation belongs in the record's compact constructor; its exceptions are reported with the key.
 *
 * <p><b>Paths.</b> A component of type {@link java.nio.file.Path} or {@link rewire.config.NameOrPath}
 * is a file setting: a relative path resolves against the folder of the configuration file that
 * holds it, against the working directory when it comes from an override or a default. A bound
 * record therefore holds absolute paths, and the YAML written from it means the same files from
 * any working directory (a run folder's config.yaml is read again by resume and eval).
 *
 * <p>{@link rewire.config.Registry} maps names to factories (recipes, models, datasets) and
 * suggests the nearest name on a miss.
 *
 * <p>Usable from {@code train} upward; imports nothing else of Rewire, and SnakeYAML Engine.
 */
package rewire.config;
