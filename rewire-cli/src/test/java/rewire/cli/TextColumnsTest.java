package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextColumnsTest {
    @Test
    void eachColumnIsAsWideAsItsLongestCellAndNumbersAlignRight() {
        List<List<String>> rows = List.of(List.of("layer", "nnz"), List.of("h0.attn.qkv.weight", "12,288"),
                List.of("fc1", "7"));
        TextColumns columns = TextColumns.fit(rows, List.of(false, true), 0);
        assertEquals("  layer                  nnz", columns.line("  ", rows.get(0)));
        assertEquals("  h0.attn.qkv.weight  12,288", columns.line("  ", rows.get(1)));
        assertEquals("  fc1                      7", columns.line("  ", rows.get(2)));
    }

    @Test
    void aPlainTableHasNoTrailingSpacesAndCountsCharactersNotBytes() {
        assertEquals(List.of("Wᵀ·dy  ok", "W·x    ok", "dense"), TextColumns.lines("",
                List.of(List.of("Wᵀ·dy", "ok"), List.of("W·x", "ok"), List.of("dense", ""))));
    }

    @Test
    void aRowOfTheWrongLengthIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextColumns.fit(List.of(List.of("a", "b"), List.of("c")), List.of(false, false), 0));
        assertEquals("a row of 1 cells in a table of 2 columns: [c]", e.getMessage());
    }

    @Test
    void aMarkdownTableIsPaddedAndMarksItsNumberColumns() {
        assertEquals("""
                | run             |  score |
                | --------------- | -----: |
                | gpt-mst-tiny    | 3.1241 |
                | rigl-mlp-longer | 88.50% |
                """, MarkdownTable.render(List.of("run", "score"), List.of(List.of("gpt-mst-tiny", "3.1241"),
                List.of("rigl-mlp-longer", "88.50%")), List.of(false, true)));
    }
}
