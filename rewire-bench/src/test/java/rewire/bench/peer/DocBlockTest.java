package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocBlockTest {
    private static final String DOC = "# Kernels\n\ntable\n\n" + DocBlock.BEGIN + "\nold peer\n" + DocBlock.END + "\n\ntail\n";

    @Test
    void replacesOnlyTheBlock() {
        String out = DocBlock.replace(DOC, "new peer");
        assertEquals("# Kernels\n\ntable\n\n" + DocBlock.BEGIN + "\nnew peer\n" + DocBlock.END + "\n\ntail\n", out);
        assertEquals(out, DocBlock.replace(out, "new peer\n"), "idempotent");
    }

    @Test
    void appendsTheBlockWhenMissing() {
        assertEquals("# A\n\n" + DocBlock.BEGIN + "\nx\n" + DocBlock.END + "\n", DocBlock.replace("# A\n", "x"));
        assertEquals(DocBlock.BEGIN + "\nx\n" + DocBlock.END + "\n", DocBlock.replace("", "x"));
    }

    @Test
    void extractsTheBlockWithItsMarkers() {
        assertEquals(DocBlock.BEGIN + "\nold peer\n" + DocBlock.END, DocBlock.extract(DOC));
        assertEquals("", DocBlock.extract("# no block\n"));
    }

    @Test
    void rejectsUnpairedMarkers() {
        assertThrows(IllegalArgumentException.class, () -> DocBlock.replace("a " + DocBlock.BEGIN + " b", "x"));
        assertThrows(IllegalArgumentException.class, () -> DocBlock.extract(DocBlock.END + " " + DocBlock.BEGIN));
        assertThrows(IllegalArgumentException.class,
                () -> DocBlock.replace(DOC + DocBlock.BEGIN + "\n" + DocBlock.END, "x"));
    }
}
