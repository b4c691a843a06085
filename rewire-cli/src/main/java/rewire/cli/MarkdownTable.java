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
        List<List<String>> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        TextColumns columns = TextColumns.fit(all, rightAligned, 3);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            rule.add("-".repeat(columns.width(c) - 1) + (rightAligned.get(c) ? ':' : '-'));
        }
        StringBuilder out = new StringBuilder();
        all.add(1, rule);
        for (List<String> row : all) {
            out.append(columns.line(row, "| ", " | ", " |")).append('\n');
        }
        return out.toString();
    }
}
