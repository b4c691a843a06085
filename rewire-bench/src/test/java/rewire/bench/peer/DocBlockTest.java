package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocBlockTest {
    private static final String DOC = "# Kernels\n\ntable\n\n" + DocBlock.PEER.begin() + "\nold peer\n" + DocBlock.PEER.end() + "\n\ntail\n";

    @Test
    void replacesOnlyTheBlock() {
        String out = DocBlock.PEER.replace(DOC, "new peer");
        assertEquals("# Kernels\n\ntable\n\n" + DocBlock.PEER.begin() + "\nnew peer\n" + DocBlock.PEER.end() + "\n\ntail\n", out);
        assertEquals(out, DocBlock.PEER.replace(out, "new peer\n"), "idempotent");
    }

    @Test
    void appendsTheBlockWhenMissing() {
        assertEquals("# A\n\n" + DocBlock.PEER.begin() + "\nx\n" + DocBlock.PEER.end() + "\n", DocBlock.PEER.replace("# A\n", "x"));
        assertEquals(DocBlock.PEER.begin() + "\nx\n" + DocBlock.PEER.end() + "\n", DocBlock.PEER.replace("", "x"));
    }

    @Test
    void extractsTheBlockWithItsMarkers() {
        assertEquals(DocBlock.PEER.begin() + "\nold peer\n" + DocBlock.PEER.end(), DocBlock.PEER.extract(DOC));
        assertEquals("", DocBlock.PEER.extract("# no block\n"));
    }

    @Test
    void reportWritesContextTableAndNotesIntoTheBlock(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "a\nb\n");
        Path doc = Files.writeString(dir.resolve("doc.md"), DOC);
        Path notes = Files.writeString(dir.resolve("notes.md"), "\n### Notes\n\nhand-written\n\n");
        Function<List<String>, String> table = lines -> "| " + String.join(" | ", lines) + " |\n";
        DocBlock.PEER.report("Tool", new String[] {"--report", csv.toString(), "--doc", doc.toString(), "--context",
                "  Context.  "}, table);
        assertEquals("Context.\n\n| a | b |\n", body(Files.readString(doc)));
        DocBlock.PEER.report("Tool", new String[] {"--report", csv.toString(), "--doc", doc.toString(), "--context",
                "Context.", "--notes", notes.toString()}, table);
        assertEquals("Context.\n\n| a | b |\n\n### Notes\n\nhand-written\n", body(Files.readString(doc)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocBlock.PEER.report("Tool", new String[] {"--report", csv.toString(), "--doc"}, table));
        assertEquals("usage: Tool --report CSV --doc FILE --context TEXT [--notes FILE]", e.getMessage());
    }

    // what lies between the block's markers
    private static String body(String doc) {
        String block = DocBlock.PEER.extract(doc);
        return block.substring(DocBlock.PEER.begin().length() + 1, block.length() - DocBlock.PEER.end().length());
    }

    @Test
    void rejectsUnpairedMarkers() {
        assertThrows(IllegalArgumentException.class, () -> DocBlock.PEER.replace("a " + DocBlock.PEER.begin() + " b", "x"));
        assertThrows(IllegalArgumentException.class, () -> DocBlock.PEER.extract(DocBlock.PEER.end() + " " + DocBlock.PEER.begin()));
        assertThrows(IllegalArgumentException.class,
                () -> DocBlock.PEER.replace(DOC + DocBlock.PEER.begin() + "\n" + DocBlock.PEER.end(), "x"));
    }
}
