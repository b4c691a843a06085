package rewire.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sparsity section with a bad option fails when it is built, before the run's length is known. */
class SparsitySettingsTest {

    private static String error(String recipe, String... options) {
        return assertThrows(IllegalArgumentException.class,
                () -> new SparsitySettings(recipe, 0.1, List.of(options))).getMessage();
    }

    @Test
    void badOptionsFailAtConstructionNamingTheOption() {
        String zeta = error("rigl", "deltaT=100", "zeta=2");
        assertTrue(zeta.contains("option zeta = '2'") && zeta.contains("[0, 1]"), zeta);
        String deltaT = error("rigl", "deltaT=0");
        assertTrue(deltaT.contains("option deltaT = '0'"), deltaT);
        assertTrue(error("rigll").contains("did you mean 'rigl'"));
        assertTrue(error("rigl", "zeta").contains("not key=value"));
        assertTrue(error("rigl", "zeta=0.1", "zeta=0.2").contains("sets zeta twice"));
    }

    @Test
    void goodOptionsReachTheRecipe() {
        SparsitySettings s = new SparsitySettings("rigl", 0.1, List.of("zeta = 0.5", "constraint=2:4"));
        assertEquals("rigl[constraint=2:4,zeta=0.5]", s.create(1000, 100).name());
        assertEquals(0.5, s.create(1000, 100).rewirer().dropFraction().at(0));
        assertTrue(new SparsitySettings(SparsitySettings.DENSE, 1, List.of()).isDense());
    }
}
