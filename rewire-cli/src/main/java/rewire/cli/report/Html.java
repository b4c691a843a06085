package rewire.cli.report;

/**
 * A small HTML writer: every piece of text goes through {@link #escape}, so names, statuses and
 * configuration values from a run folder cannot inject markup.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** {@code text} with {@code & < > " '} replaced by character references. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Appends markup as is; only for constant markup written in this package. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Appends {@code <tag class="cssClass">}; an empty class is left out. */
    Html open(String tag, String cssClass) {
        out.append('<').append(tag);
        if (!cssClass.isEmpty()) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** Appends {@code <tag class="cssClass">text</tag>} with the text escaped. */
    Html element(String tag, String cssClass, String text) {
        return open(tag, cssClass).text(text).close(tag);
    }

    /** A table row: the first cell a header cell, the others data cells, all escaped. */
    Html row(String... cells) {
        out.append("<tr>");
        for (int i = 0; i < cells.length; i++) {
            String tag = i == 0 ? "th" : "td";
            out.append('<').append(tag).append('>').append(escape(cells[i])).append("</").append(tag).append('>');
        }
        out.append("</tr>\n");
        return this;
    }

    /** A header row of column titles. */
    Html headerRow(String... titles) {
        out.append("<tr>");
        for (String title : titles) {
            out.append("<th scope=\"col\">").append(escape(title)).append("</th>");
        }
        out.append("</tr>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
