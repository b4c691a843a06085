package rewire.config;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a {@link Node} tree through SnakeYAML Engine's dumper: mappings as indented blocks, lists
 * of scalars as flow lists {@code [a, b]}, other lists as {@code - item} blocks. Text is tagged as
 * a string and other scalars as what YAML reads them as, so the dumper writes text plain only where
 * it reads back as the same text, and quotes it otherwise.
 */
final class YamlWriter {
    private static final CoreSchema SCHEMA = new CoreSchema();
    private static final ScalarResolver RESOLVER = SCHEMA.getScalarResolver();
    private static final DumpSettings SETTINGS = DumpSettings.builder().setSchema(SCHEMA).setIndent(2)
            .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(Integer.MAX_VALUE).setSplitLines(false)
            .build();

    private YamlWriter() {
    }

    static String write(Node node) {
        StringWriter out = new StringWriter();
        new Dump(SETTINGS).dumpNode(yaml(node), new StreamDataWriter() {
            @Override
            public void write(String text) {
                out.write(text);
            }

            @Override
            public void write(String text, int offset, int length) {
                out.write(text, offset, length);
            }
        });
        return out.toString();
    }

    private static org.snakeyaml.engine.v2.nodes.Node yaml(Node node) {
        return switch (node) {
            case Node.Scalar s -> scalar(s);
            case Node.Sequence q -> {
                List<org.snakeyaml.engine.v2.nodes.Node> items = new ArrayList<>();
                q.items().forEach(item -> items.add(yaml(item)));
                boolean flat = q.items().stream().allMatch(item -> item instanceof Node.Scalar);
                yield new SequenceNode(Tag.SEQ, items, flat ? FlowStyle.FLOW : FlowStyle.BLOCK);
            }
            case Node.Mapping m -> {
                List<NodeTuple> entries = new ArrayList<>();
                for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                    entries.add(new NodeTuple(text(e.getKey(), m), yaml(e.getValue())));
                }
                yield new MappingNode(Tag.MAP, entries, entries.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
            }
        };
    }

    private static ScalarNode scalar(Node.Scalar s) {
        if (s.isNull()) {
            return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
        }
        return s.quoted() ? text(s.text(), s) : new ScalarNode(RESOLVER.resolve(s.text(), true), s.text(), ScalarStyle.PLAIN);
    }

    /**
     * A string scalar. SnakeYAML writes U+0085 (next line) plain but does not read it back as
     * written, so text holding one is double-quoted, where it is escaped; its double-quoted writer
     * also mangles a high surrogate that no low surrogate follows, so text that is not valid
     * Unicode (which no YAML file can hold) is refused.
     */
    private static ScalarNode text(String text, Node where) {
        text.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE).findFirst()
                .ifPresent(c -> {
                    throw new ConfigException(where.origin() + ": text with an unpaired surrogate U+"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " is not Unicode and cannot be written"
                            + " as YAML: '" + text + "'");
                });
        return new ScalarNode(Tag.STR, text, text.indexOf('\u0085') >= 0 ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
    }
}
