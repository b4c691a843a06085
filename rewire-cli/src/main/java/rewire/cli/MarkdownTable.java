package rewire.cli;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table whose columns are padded to their widest cell, so it also reads as plain text. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    /**
     * The table of {@code header} and {@code rows}; {@code rightAligned.get(c)} right-aligns
     * column {@code c} (numbers).
     */
    static String render(List<String> header, List<List<String>> rows, List<Boolean> rightAligned) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        for (List<String> row : all) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + header.size()
                        + " columns: " + row);
            }
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], Math.max(3, row.get(c).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, rightAligned);
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            out.append(' ').append("-".repeat(width[c] - 1)).append(rightAligned.get(c) ? ':' : '-').append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, width, rightAligned);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, List<Boolean> right) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String pad = " ".repeat(width[c] - cells.get(c).length());
            out.append(' ').append(right.get(c) ? pad + cells.get(c) : cells.get(c) + pad).append(" |");
        }
        out.append('\n');
    }
}
