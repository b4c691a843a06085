package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BraceNamesTest {
    @Test
    void oneNameStaysAsItIs() {
        assertEquals("h0.attn.qkv.weight", BraceNames.join(List.of("h0.attn.qkv.weight")));
    }

    @Test
    void theDifferingMiddlesGoInBracesAndARunOfNumbersIsARange() {
        assertEquals("fc{1,3}.weight", BraceNames.join(List.of("fc1.weight", "fc3.weight")));
        assertEquals("h{0..3}.mlp.fc.weight", BraceNames.join(List.of("h0.mlp.fc.weight", "h1.mlp.fc.weight",
                "h2.mlp.fc.weight", "h3.mlp.fc.weight")));
        assertEquals("h{0,2,3}.mlp.fc.weight", BraceNames.join(List.of("h0.mlp.fc.weight", "h2.mlp.fc.weight",
                "h3.mlp.fc.weight")), "not consecutive: listed");
        assertEquals("h0.{attn,mlp}.proj.weight", BraceNames.join(List.of("h0.attn.proj.weight",
                "h0.mlp.proj.weight")));
    }

    @Test
    void everyCombinationOfPartsBracesEachPart() {
        List<String> names = new java.util.ArrayList<>();
        for (int block = 0; block < 4; block++) {
            names.add("h" + block + ".mlp.fc.weight");
            names.add("h" + block + ".mlp.proj.weight");
        }
        assertEquals("h{0..3}.mlp.{fc,proj}.weight", BraceNames.join(names));
        assertEquals("h{0.attn.qkv,1.attn.qkv,2.mlp.fc}.weight", BraceNames.join(List.of("h0.attn.qkv.weight",
                "h1.attn.qkv.weight", "h2.mlp.fc.weight")), "not every combination: whole middles");
    }

    @Test
    void aNumberIsNeverCutInTwo() {
        assertEquals("h{1,11}.x", BraceNames.join(List.of("h1.x", "h11.x")));
        assertEquals("h{9..11}.attn.qkv.weight", BraceNames.join(List.of("h9.attn.qkv.weight", "h10.attn.qkv.weight",
                "h11.attn.qkv.weight")));
        assertEquals("{fc1,out}.weight", BraceNames.join(List.of("fc1.weight", "out.weight")));
    }
}
