package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/** The discriminator's loss is the sum of its means over the reals and over the fakes; the generator's as the paper's. */
class AdversarialLossTest {
    // scores of 2 reals (2, 0.5) then 2 fakes (-3, 0)
    private static final Var SCORES = Var.constant(Tensor.of(new float[] {2, 0.5f, -3, 0}, 1, 4));

    private static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    @Test
    void hinge() {
        AdversarialLoss hinge = new AdversarialLoss(GanSettings.Loss.HINGE);
        // reals: max(0, 1 - 2) = 0, max(0, 0.5) = 0.5; fakes: max(0, 1 - 3) = 0, max(0, 1) = 1
        assertEquals((0 + 0.5) / 2 + (0 + 1) / 2.0, hinge.discriminator(new Tape(), SCORES, 2).item(), 1e-6);
        assertEquals(-(-3 + 0) / 2.0, hinge.generator(new Tape(),
                Var.constant(Tensor.of(new float[] {-3, 0}, 1, 2))).item(), 1e-6);
    }

    @Test
    void binaryCrossEntropy() {
        AdversarialLoss bce = new AdversarialLoss(GanSettings.Loss.BCE);
        double real = (softplus(-2) + softplus(-0.5)) / 2;
        double fake = (softplus(-3) + softplus(0)) / 2;
        assertEquals(real + fake, bce.discriminator(new Tape(), SCORES, 2).item(), 1e-6);
        assertEquals((softplus(3) + softplus(0)) / 2, bce.generator(new Tape(),
                Var.constant(Tensor.of(new float[] {-3, 0}, 1, 2))).item(), 1e-6, "non-saturating: -log σ(D(G(z)))");
        assertThrows(IllegalArgumentException.class, () -> bce.discriminator(new Tape(), SCORES, 3));
    }
}
