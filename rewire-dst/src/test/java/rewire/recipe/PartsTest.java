package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each part is listed once, with a name, a paper and a doc line, and parsed through that list. */
class PartsTest {

    @Test
    void everyPartHasAUniqueNameAPaperAndADoc() {
        Set<Class<?>> kinds = new HashSet<>();
        for (Parts.Kind kind : Parts.KINDS) {
            assertTrue(kinds.add(kind.type()), kind.title() + " listed twice");
            Set<String> keys = new HashSet<>();
            for (Part p : kind.parts()) {
                assertTrue(keys.add(p.key()), kind.title() + " " + p.key() + " twice");
                assertFalse(p.info().paper().isBlank() || p.info().doc().isBlank(), p.key());
            }
        }
        assertEquals(9, kinds.size());
    }

    @Test
    void namesParseToTheirPartsAndBuildTheEngineParts() {
        for (PrunePart p : PrunePart.values()) {
            assertSame(p, Parts.parse(PrunePart.class, p.key()));
            assertFalse(p.criterion(1).name().isBlank());
        }
        for (GrowPart g : GrowPart.values()) {
            assertSame(g, Parts.parse(GrowPart.class, g.key()));
        }
        assertEquals(List.of("random", "gradient", "momentum", "none", "ch2-l3n", "ch3-l3n"),
                List.of(GrowPart.values()).stream().map(g -> g.criterion().name()).toList());
        assertEquals("mest(0.5)", PrunePart.MEST.criterion(0.5).name());
        assertEquals("sampled-ch2-l3n", SamplingPart.PROPORTIONAL.applyTo(GrowPart.CH.criterion()).name());
    }

    @Test
    void theNearestNameIsOfferedOnlyWhenItIsClose() {
        assertEquals("; did you mean 'deltaT'?", Parts.didYouMean("deltat", List.of("zeta", "deltaT")));
        assertEquals("", Parts.didYouMean("temperature", List.of("zeta", "deltaT")));
    }
}
