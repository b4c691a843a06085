package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.config.Config;
import rewire.sparsity.Cadence;
import rewire.sparsity.DensityControl;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.Rewirer;
import rewire.sparsity.Scope;

/** Each regime of the comparison is the pair of recipes the paper describes (METHODS.md D.2 to D.4). */
class GanRecipesTest {
    private static final long STEPS = 2000;

    private static GanRecipes.Pair recipes(String regime, String... more) {
        String[] overrides = new String[more.length + 1];
        overrides[0] = "balance.regime=" + regime;
        System.arraycopy(more, 0, overrides, 1, more.length);
        BalanceSettings b = Config.load(GanConfig.class, java.util.List.of(overrides)).balance();
        return GanRecipes.of(b, STEPS, 500, 1, () -> 0.5);
    }

    private static boolean neverRewires(Rewirer r) {
        return r.cadence() instanceof Cadence.Never;
    }

    @Test
    void denseHasNoRecipes() {
        GanRecipes.Pair p = recipes("dense");
        assertNull(p.generator());
        assertNull(p.discriminator());
    }

    @Test
    void staticRegimesNeverRewireAndStrongPutsTheDiscriminatorAtTheCap() {
        GanRecipes.Pair balance = recipes("static-balance", "balance.generatorDensity=0.1");
        assertTrue(neverRewires(balance.generator().rewirer()) && neverRewires(balance.discriminator().rewirer()));
        assertEquals(0.1, balance.discriminator().initialDensity());
        GanRecipes.Pair strong = recipes("static-strong", "balance.generatorDensity=0.1", "balance.maxDensity=0.5");
        assertEquals(0.1, strong.generator().initialDensity());
        assertEquals(0.5, strong.discriminator().initialDensity());
    }

    /** SDST rewires the generator only: global magnitude pruning, global gradient growth, cosine drop fraction. */
    @Test
    void sdstRewiresTheGeneratorGloballyAndKeepsTheDiscriminatorStatic() {
        GanRecipes.Pair p = recipes("sdst-strong", "balance.deltaT=100", "balance.zeta=0.5");
        Rewirer g = p.generator().rewirer();
        assertEquals(Scope.GLOBAL, g.scope());
        assertEquals(GrowCriterion.gradient().name(), g.grow().name());
        assertTrue(g.isUpdate(100) && !g.isUpdate(150));
        assertEquals(0.5, g.dropFraction().at(0), 1e-12);
        assertEquals(0.005, g.dropFraction().at(STEPS), 1e-12);
        assertTrue(neverRewires(p.discriminator().rewirer()));
        assertEquals(0.5, p.discriminator().initialDensity());
    }

    @Test
    void adaptControlsTheDiscriminatorFromTheGeneratorsDensityInItsBand() {
        GanRecipes.Pair relax = recipes("adapt-relax", "balance.generatorDensity=0.3", "balance.adjustEvery=50");
        DensityControl c = relax.discriminator().rewirer().control();
        assertNotNull(c);
        assertEquals(0.3, c.start());
        assertEquals(0.45, c.low());
        assertEquals(0.55, c.high());
        assertEquals(1.0, c.cap());
        assertNull(c.atCapDropFraction(), "relaxed: nothing happens at the cap");
        assertEquals(Scope.GLOBAL, relax.discriminator().rewirer().scope());
        assertTrue(relax.discriminator().rewirer().isUpdate(50));
        assertFalse(neverRewires(relax.generator().rewirer()), "ADAPT's generator runs DST");

        DensityControl strict = recipes("adapt-strict", "balance.maxDensity=0.5").discriminator().rewirer().control();
        assertEquals(0.5, strict.cap());
        assertEquals(0.5, strict.atCapDropFraction().at(0), 1e-12, "death_rate_D_dd_b");

        GanRecipes.Pair dda = recipes("dda");
        assertTrue(neverRewires(dda.generator().rewirer()), "DDA adjusts the discriminator only");
        assertEquals(0.5, dda.discriminator().rewirer().control().low());
        assertEquals(0.65, dda.discriminator().rewirer().control().high());
    }

    @Test
    void theGeneratorsUpdatesMustFallOnStepsWhereItTrains() {
        BalanceSettings b = Config.load(GanConfig.class, java.util.List.of("balance.deltaT=100")).balance();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GanRecipes.of(b, STEPS, 500, 3, () -> 0.5));
        assertTrue(e.getMessage().contains("balance.deltaT"), e.getMessage());
    }
}
