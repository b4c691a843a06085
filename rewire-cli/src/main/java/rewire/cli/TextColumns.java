package rewire.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Cells laid out in columns, each column as wide as its widest cell, so a table of long names (a
 * GPT's {@code h0.attn.qkv.weight}, a score labelled "validation token accuracy") stays aligned in
 * a terminal. The console's tables print through it, and {@link MarkdownTable} draws its rows with it.
 */
final class TextColumns {
    /** Space between two columns of a plain table. */
    static final String GAP = "  ";

    private final int[] width;
    private final List<Boolean> rightAligned;

    private TextColumns(int[] width, List<Boolean> rightAligned) {
        this.width = width;
        this.rightAligned = List.copyOf(rightAligned);
    }

    /**
     * Columns wide enough for every cell of {@code rows} and at least {@code minWidth};
     * {@code rightAligned.get(c)} right-aligns column {@code c} (numbers).
     *
     * @throws IllegalArgumentException when a row has another number of cells than there are columns
     */
    static TextColumns fit(List<List<String>> rows, List<Boolean> rightAligned, int minWidth) {
        int[] width = new int[rightAligned.size()];
        Arrays.fill(width, minWidth);
        for (List<String> row : rows) {
            if (row.size() != width.length) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + width.length
                        + " columns: " + row);
            }
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], length(row.get(c)));
            }
        }
        return new TextColumns(width, rightAligned);
    }

    /** Left-aligned columns wide enough for every cell of {@code rows}. */
    static TextColumns fit(List<List<String>> rows) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        return fit(rows, Collections.nCopies(columns, false), 0);
    }

    /** The rows of a plain table, each line after {@code indent}, columns {@link #GAP} apart. */
    static List<String> lines(String indent, List<List<String>> rows) {
        TextColumns columns = fit(rows);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            out.add(columns.line(indent, row));
        }
        return out;
    }

    /** The width of column {@code c}. */
    int width(int c) {
        return width[c];
    }

    /** {@code cells} padded to their columns, {@link #GAP} apart, after {@code indent}, no trailing spaces. */
    String line(String indent, List<String> cells) {
        return line(cells, indent, GAP, "").stripTrailing();
    }

    /** {@code cells} padded to their columns, joined by {@code between}, between {@code open} and {@code close}. */
    String line(List<String> cells, String open, String between, String close) {
        if (cells.size() != width.length) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + width.length
                    + " columns: " + cells);
        }
        StringBuilder out = new StringBuilder(open);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - length(cell));
            out.append(c == 0 ? "" : between).append(rightAligned.get(c) ? pad + cell : cell + pad);
        }
        return out.append(close).toString();
    }

    // characters as a terminal shows them: code points, so "Wᵀ" counts 2
    private static int length(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
