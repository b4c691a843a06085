package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

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
    void rejectsUnpairedMarkers() {
        assertThrows(IllegalArgumentException.class, () -> DocBlock.PEER.replace("a " + DocBlock.PEER.begin() + " b", "x"));
        assertThrows(IllegalArgumentException.class, () -> DocBlock.PEER.extract(DocBlock.PEER.end() + " " + DocBlock.PEER.begin()));
        assertThrows(IllegalArgumentException.class,
                () -> DocBlock.PEER.replace(DOC + DocBlock.PEER.begin() + "\n" + DocBlock.PEER.end(), "x"));
    }
}
