/**
 * Typed configuration. A run is configured by an immutable Java record (nested records, lists,
 * enums, primitives, strings, {@code Optional}s), filled from a YAML or {@code .properties} file
 * and {@code key=value} command-line overrides with dotted keys ({@code optim.lr=0.05}).
 *
 * <p>The pipeline: text is parsed into a {@link rewire.config.Node} tree ({@link rewire.config.Yaml},
 * a documented YAML subset, or {@code .properties}), {@link rewire.config.Overrides} are applied to
 * the tree, and {@link rewire.config.Config#bind} turns the tree into the record by reflection,
 * checking every type and rejecting unknown keys with the nearest valid key as a suggestion.
 * {@link rewire.config.Config#toYaml} writes a record back as YAML that binds to an equal record.
 *
 * <p><b>Defaults.</b> A configuration record declares {@code public static R defaults()}; a key
 * that the file and the overrides leave out keeps the value of that instance (for a nested record:
 * the value in the enclosing record's defaults, so an outer record can refine an inner one's).
 * Validation belongs in the record's compact constructor; its exceptions are reported with the key.
 *
 * <p>{@link rewire.config.Registry} maps names to factories (recipes, models, datasets) and
 * suggests the nearest name on a miss.
 *
 * <p>Usable from {@code train} upward; imports nothing else of Rewire.
 */
package rewire.config;
