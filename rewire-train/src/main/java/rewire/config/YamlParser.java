package rewire.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the YAML subset of {@link Yaml} into a {@link Node} tree, line by line: each line is
 * (indent, text without comment); a block is a run of lines at one indent, either mapping entries
 * {@code key: value} or list items {@code - value}. Inline values (after {@code key:} or
 * {@code -}) are scalars, quoted strings, flow lists {@code [a, b]} or {@code {}}.
 */
final class YamlParser {
    private record Line(int number, int indent, String text) {
    }

    private final String source;
    private final List<Line> lines;
    private int pos;

    private YamlParser(String source, List<Line> lines) {
        this.source = source;
        this.lines = lines;
    }

    static Node parse(String text, String source) {
        YamlParser parser = new YamlParser(source, tokenize(text, source));
        if (parser.lines.isEmpty()) {
            return Node.Mapping.empty(source);
        }
        Node root = parser.parseBlock(parser.lines.get(0).indent, parser.origin(parser.lines.get(0)));
        if (parser.pos < parser.lines.size()) {
            throw parser.error(parser.lines.get(parser.pos), "unexpected indentation");
        }
        return root;
    }

    /** Splits into non-blank lines with their indent, comments removed. */
    private static List<Line> tokenize(String text, String source) {
        List<Line> lines = new ArrayList<>();
        String[] raw = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String content = stripComment(raw[i]).stripTrailing();
            int indent = 0;
            while (indent < content.length() && content.charAt(indent) == ' ') {
                indent++;
            }
            if (indent < content.length() && content.charAt(indent) == '\t') {
                throw new ConfigException(source + ":" + (i + 1) + ": tabs are not allowed in indentation, use spaces");
            }
            String body = content.substring(indent);
            if (body.isEmpty() || (body.equals("---") && lines.isEmpty())) {
                continue;
            }
            if (body.equals("---") || body.equals("...")) {
                throw new ConfigException(source + ":" + (i + 1) + ": multiple YAML documents are not supported");
            }
            lines.add(new Line(i + 1, indent, body));
        }
        return lines;
    }

    /** The line without its comment: a '#' at the start or after whitespace, outside quotes. */
    private static String stripComment(String raw) {
        char quote = 0;
        char previous = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((quote == '"' && c == '\\') || (quote == '\'' && c == '\'' && raw.startsWith("''", i))) {
                i++;  // an escaped character, or a doubled single quote, does not close the string
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return raw.substring(0, i);
            } else if ((c == '"' || c == '\'') && (previous == 0 || ":-[,".indexOf(previous) >= 0)) {
                quote = c;  // a quote opens a string only where a value can start
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return raw;
    }

    private Node parseBlock(int indent, String origin) {
        return isListItem(lines.get(pos).text) ? parseSequence(indent, origin) : parseMapping(indent, origin);
    }

    private Node.Mapping parseMapping(int indent, String origin) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        while (pos < lines.size() && lines.get(pos).indent >= indent) {
            Line line = lines.get(pos);
            if (line.indent > indent) {
                throw error(line, "unexpected indentation");
            }
            if (isListItem(line.text)) {
                throw error(line, "a list item where 'key: value' was expected");
            }
            String[] keyValue = splitKey(line);
            Integer previous = firstLine.putIfAbsent(keyValue[0], line.number);
            if (previous != null) {
                throw error(line, "duplicate key '" + keyValue[0] + "' (first at line " + previous + ")");
            }
            pos++;
            entries.put(keyValue[0], parseValue(keyValue[1], indent, line, true));
        }
        return new Node.Mapping(entries, origin);
    }

    private Node.Sequence parseSequence(int indent, String origin) {
        List<Node> items = new ArrayList<>();
        while (pos < lines.size() && lines.get(pos).indent == indent && isListItem(lines.get(pos).text)) {
            Line line = lines.get(pos);
            String rest = line.text.substring(1).stripLeading();
            if (!rest.isEmpty() && (isListItem(rest) || isMappingEntry(rest))) {
                // "- key: value" or "- - x": the rest opens a block at the column where it starts
                int column = indent + line.text.length() - rest.length();
                lines.set(pos, new Line(line.number, column, rest));
                items.add(parseBlock(column, origin(line)));
            } else {
                pos++;
                items.add(parseValue(rest, indent, line, false));
            }
        }
        return new Node.Sequence(items, origin);
    }

    /**
     * The value after {@code key:} or {@code -}: inline text, else a block indented deeper on the
     * next lines, else (after a key) a list at the key's own indent, else null.
     */
    private Node parseValue(String inline, int indent, Line line, boolean afterKey) {
        if (!inline.isEmpty()) {
            return parseInline(inline, origin(line));
        }
        if (pos < lines.size() && lines.get(pos).indent > indent) {
            return parseBlock(lines.get(pos).indent, origin(line));
        }
        if (afterKey && pos < lines.size() && lines.get(pos).indent == indent && isListItem(lines.get(pos).text)) {
            return parseSequence(indent, origin(line));
        }
        return Node.Scalar.nullValue(origin(line));
    }

    /** {key, rest of line} of a mapping entry. */
    private String[] splitKey(Line line) {
        String text = line.text;
        if (text.startsWith("\"") || text.startsWith("'")) {
            StringBuilder key = new StringBuilder();
            int end = parseQuoted(text, 0, key, origin(line));
            if (end >= text.length() || text.charAt(end) != ':' || (end + 1 < text.length() && text.charAt(end + 1) != ' ')) {
                throw error(line, "expected ':' after the quoted key");
            }
            return new String[] {key.toString(), text.substring(end + 1).strip()};
        }
        int colon = keySeparator(text);
        if (colon <= 0) {
            String hint = text.contains(":") ? " (a space must follow ':')" : "";
            throw error(line, "expected 'key: value', got '" + text + "'" + hint);
        }
        String key = text.substring(0, colon).strip();
        if ("[]{}&*!|>%@`,".indexOf(key.charAt(0)) >= 0) {
            throw error(line, "unsupported key '" + key + "': quote keys that start with '" + key.charAt(0) + "'");
        }
        return new String[] {key, text.substring(colon + 1).strip()};
    }

    /** Index of the ':' ending a plain key: the first ": ", or a final ':'; -1 if none. */
    private static int keySeparator(String text) {
        int i = text.indexOf(": ");
        return i >= 0 ? i : text.endsWith(":") ? text.length() - 1 : -1;
    }

    private boolean isMappingEntry(String text) {
        if (text.startsWith("\"") || text.startsWith("'")) {
            int end = parseQuoted(text, 0, new StringBuilder(), source);
            return end < text.length() && text.charAt(end) == ':' && (end + 1 == text.length() || text.charAt(end + 1) == ' ');
        }
        return !text.startsWith("[") && !text.startsWith("{") && keySeparator(text) > 0;
    }

    private static boolean isListItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private String origin(Line line) {
        return source + ":" + line.number;
    }

    private ConfigException error(Line line, String message) {
        return new ConfigException(origin(line) + ": " + message);
    }

    /** An inline value: a flow list {@code [a, b]}, {@code {}}, a quoted string or a plain scalar. */
    static Node parseInline(String text, String origin) {
        if (text.startsWith("[")) {
            return parseFlowList(text, origin);
        }
        if (text.startsWith("{")) {
            if (text.replace(" ", "").equals("{}")) {
                return Node.Mapping.empty(origin);
            }
            throw new ConfigException(origin + ": flow mappings {...} are not supported, write a block mapping");
        }
        if (text.startsWith("\"") || text.startsWith("'")) {
            StringBuilder value = new StringBuilder();
            int end = parseQuoted(text, 0, value, origin);
            if (!text.substring(end).isBlank()) {
                throw new ConfigException(origin + ": unexpected text after the closing quote: '" + text.substring(end) + "'");
            }
            return new Node.Scalar(value.toString(), true, origin);
        }
        return plain(text, origin);
    }

    private static Node.Scalar plain(String text, String origin) {
        if ("&*!|>%@`".indexOf(text.charAt(0)) >= 0) {
            throw new ConfigException(origin + ": '" + text + "': anchors, aliases, tags and block scalars are not"
                    + " supported; quote the value if it is text");
        }
        if (text.contains(": ")) {
            throw new ConfigException(origin + ": '" + text + "': quote a value that contains ': '");
        }
        return new Node.Scalar(text, false, origin);
    }

    private static Node.Sequence parseFlowList(String text, String origin) {
        List<Node> items = new ArrayList<>();
        int i = skipSpaces(text, 1);
        if (i < text.length() && text.charAt(i) == ']') {
            i++;
        } else {
            while (true) {
                i = skipSpaces(text, i);
                i = flowItem(text, i, items, origin);
                i = skipSpaces(text, i);
                if (i >= text.length()) {
                    throw new ConfigException(origin + ": unterminated list, missing ']'");
                }
                char c = text.charAt(i++);
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw new ConfigException(origin + ": expected ',' or ']' in list, got '" + c + "'");
                }
            }
        }
        if (!text.substring(i).isBlank()) {
            throw new ConfigException(origin + ": unexpected text after ']': '" + text.substring(i).strip() + "'");
        }
        return new Node.Sequence(items, origin);
    }

    /** Parses one item of a flow list starting at {@code i}; returns the index after it. */
    private static int flowItem(String text, int i, List<Node> items, String origin) {
        if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            StringBuilder value = new StringBuilder();
            int end = parseQuoted(text, i, value, origin);
            items.add(new Node.Scalar(value.toString(), true, origin));
            return end;
        }
        if (i < text.length() && (text.charAt(i) == '[' || text.charAt(i) == '{')) {
            throw new ConfigException(origin + ": nested collections inside [...] are not supported, use a block list");
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != ']') {
            end++;
        }
        String token = text.substring(i, end).strip();
        if (token.isEmpty()) {
            throw new ConfigException(origin + ": empty item in list '" + text + "'");
        }
        items.add(plain(token, origin));
        return end;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Parses the quoted string opening at {@code start} into {@code out}; returns the index after
     * the closing quote. Double quotes take backslash escapes, single quotes double themselves.
     */
    static int parseQuoted(String text, int start, StringBuilder out, String origin) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i++;
                    continue;
                }
                return i + 1;
            }
            if (quote == '"' && c == '\\') {
                i = unescape(text, i + 1, out, origin);
            } else {
                out.append(c);
            }
        }
        throw new ConfigException(origin + ": unterminated string " + text.substring(start));
    }

    /** Appends the escape at {@code i} (after the backslash); returns the index of its last char. */
    private static int unescape(String text, int i, StringBuilder out, String origin) {
        char e = i < text.length() ? text.charAt(i) : 0;
        switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '0' -> out.append('\0');
            case 'u' -> {
                if (i + 5 > text.length() || !text.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                    throw new ConfigException(origin + ": bad \\u escape in " + text);
                }
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                return i + 4;
            }
            default -> throw new ConfigException(origin + ": unknown escape \\" + e + " in " + text);
        }
        return i;
    }
}
