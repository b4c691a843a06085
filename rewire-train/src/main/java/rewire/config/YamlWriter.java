package rewire.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Node} tree as the YAML subset of {@link Yaml}: mappings as indented blocks,
 * lists of scalars as flow lists {@code [a, b]}, other lists as {@code - item} blocks. Scalars are
 * written plain when that reads back to the same text, double-quoted otherwise.
 */
final class YamlWriter {
    private static final int INDENT = 2;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9].*|\\.?inf|\\.?nan|Infinity|NaN)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_LITERAL = Pattern.compile("null|~|true|false|yes|no|on|off",
            Pattern.CASE_INSENSITIVE);

    private YamlWriter() {
    }

    static String write(Node node) {
        StringBuilder out = new StringBuilder();
        switch (node) {
            case Node.Mapping m when !m.entries().isEmpty() -> writeMapping(m, 0, out);
            case Node.Sequence q when !isFlow(q) -> writeSequence(q, 0, out);
            default -> out.append(inline(node)).append('\n');
        }
        return out.toString();
    }

    private static void writeMapping(Node.Mapping mapping, int indent, StringBuilder out) {
        for (Map.Entry<String, Node> e : mapping.entries().entrySet()) {
            out.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            writeNested(e.getValue(), indent, out);
        }
    }

    /** The value after "key:" or "-": inline on the same line, or a block on the next lines. */
    private static void writeNested(Node value, int indent, StringBuilder out) {
        switch (value) {
            case Node.Mapping m when !m.entries().isEmpty() -> {
                out.append('\n');
                writeMapping(m, indent + INDENT, out);
            }
            case Node.Sequence q when !isFlow(q) -> {
                out.append('\n');
                writeSequence(q, indent + INDENT, out);
            }
            default -> out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static void writeSequence(Node.Sequence sequence, int indent, StringBuilder out) {
        for (Node item : sequence.items()) {
            if (item instanceof Node.Mapping m && !m.entries().isEmpty()) {
                // "- first: 1" then the other keys aligned under "first"
                StringBuilder block = new StringBuilder();
                writeMapping(m, indent + INDENT, block);
                out.append(" ".repeat(indent)).append("- ").append(block, indent + INDENT, block.length());
            } else {
                out.append(" ".repeat(indent)).append('-');
                writeNested(item, indent, out);
            }
        }
    }

    /** A list is written inline when all its items are scalars. */
    private static boolean isFlow(Node.Sequence sequence) {
        return sequence.items().stream().allMatch(item -> item instanceof Node.Scalar);
    }

    private static String inline(Node node) {
        return switch (node) {
            case Node.Scalar s -> scalar(s);
            case Node.Sequence q -> flowList(q.items());
            case Node.Mapping m -> "{}";
        };
    }

    private static String flowList(List<Node> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(scalar((Node.Scalar) items.get(i)));
        }
        return out.append(']').toString();
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : quote(key);
    }

    private static String scalar(Node.Scalar s) {
        if (s.isNull()) {
            return "null";
        }
        String text = s.text();
        boolean mistakable = s.quoted() && (NUMBER_LIKE.matcher(text).matches() || OTHER_LITERAL.matcher(text).matches());
        return isSafePlain(text) && !mistakable ? text : quote(text);
    }

    /** Whether {@code text} written plain, also inside a flow list, reads back as the same text. */
    private static boolean isSafePlain(String text) {
        if (text.isEmpty() || !text.strip().equals(text) || text.equals("-") || text.startsWith("- ")) {
            return false;
        }
        if ("[]{}#&*!|>%@`'\",?".indexOf(text.charAt(0)) >= 0 || text.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                return false;
            }
            // the parser starts a comment at '#' after any whitespace, Unicode spaces included
            if (c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return false;
            }
        }
        return !text.contains(": ");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
