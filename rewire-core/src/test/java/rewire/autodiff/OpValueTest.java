package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Forward values and layouts of the ops, against hand-computed results. */
class OpValueTest {

    // x (C, B·H·W) with value 100·c + 10·b + (h·W + w): every pixel names its own position.
    private static Tensor namedPixels(ImageShape in, int batch) {
        Tensor x = Tensor.zeros(in.channels(), batch * in.pixels());
        for (int c = 0; c < in.channels(); c++) {
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < in.pixels(); s++) {
                    x.set(c, b * in.pixels() + s, 100 * c + 10 * b + s);
                }
            }
        }
        return x;
    }

    @Test
    void im2colFollowsTheDocumentedLayout() {
        ImageShape in = new ImageShape(2, 3, 3);
        Tensor x = namedPixels(in, 2);
        Var cols = ConvOps.im2col(new Tape(), Var.constant(x), in, new Window(2, 1, 1));
        // output 4 x 4 per image; row (c·k + i)·k + j, column (b·Ho + oh)·Wo + ow
        assertEquals(rewire.tensor.Shape.of(2 * 4, 2 * 16), cols.shape());
        Tensor t = cols.value();
        assertEquals(0f, t.get(0, 0), "top-left patch reads the padding");
        assertEquals(100 + 10 + 4f, t.get((1 * 2 + 1) * 2 + 1, 16 + 1 * 4 + 1),
                "c=1, i=j=1, b=1, oh=ow=1 reads pixel (1, 1, 1, 1)");
        assertEquals(0 + 0 + 3f, t.get(2, 5), "c=0, i=1, j=0 at oh=1, ow=1 reads pixel (0, 0, 1, 0)");
        assertEquals(0f, t.get(2, 4), "c=0, i=1, j=0 at oh=1, ow=0 reads the padding left of the image");
    }

    @Test
    void flattenOrdersFeaturesByChannelRowColumnAndUnflattenInverts() {
        ImageShape in = new ImageShape(2, 2, 3);
        Tensor x = namedPixels(in, 3);
        Tape tape = new Tape();
        Var flat = ConvOps.flatten(tape, Var.constant(x), in);
        assertEquals(rewire.tensor.Shape.of(12, 3), flat.shape());
        assertEquals(100 + 20 + 4f, flat.value().get(6 + 4, 2), "feature c·HW + s of example b");
        Var back = ConvOps.unflatten(tape, flat, in);
        assertArrayEquals(x.data(), back.value().data());
    }

    @Test
    void poolingTakesTheMaximumAndTheMean() {
        ImageShape in = new ImageShape(1, 2, 4);
        Tensor x = Tensor.of(new float[] {1, 5, 2, 0, 3, 4, 8, 6}, 1, 8);
        Tape tape = new Tape();
        assertArrayEquals(new float[] {5, 8}, ConvOps.maxPool2d(tape, Var.constant(x), in, Window.of(2, 2)).value().data());
        assertArrayEquals(new float[] {3.25f, 4}, ConvOps.avgPool2d(tape, Var.constant(x), in, Window.of(2, 2)).value().data());
        assertThrows(IllegalArgumentException.class,
                () -> ConvOps.maxPool2d(tape, Var.constant(x), in, new Window(2, 2, 1)));
    }

    @Test
    void maxPoolingPicksTheFirstMaximumOfEveryWindow() {
        // values from a small set, so windows hold ties; gradient 1 per output lands on its argmax
        Rng rng = new Rng(4);
        for (Window window : new Window[] {Window.of(2, 2), Window.of(2, 1), Window.of(3, 2), Window.of(3, 1)}) {
            ImageShape in = new ImageShape(3, 7, 9);
            int batch = 2;
            Tensor x = Tensor.zeros(3, batch * in.pixels());
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = rng.nextInt(4) - 1.5f;
            }
            ImageShape out = window.output(in);
            Tape tape = new Tape();
            Var xv = Var.leaf(x.copy());
            Var y = ConvOps.maxPool2d(tape, xv, in, window);
            tape.backward(Ops.sum(tape, y));
            float[] expectedGrad = new float[x.size()];
            for (int plane = 0; plane < 3 * batch; plane++) {
                for (int oh = 0; oh < out.height(); oh++) {
                    for (int ow = 0; ow < out.width(); ow++) {
                        int best = -1;
                        for (int i = 0; i < window.size(); i++) {
                            for (int j = 0; j < window.size(); j++) {
                                int p = (plane * in.height() + oh * window.stride() + i) * in.width()
                                        + ow * window.stride() + j;
                                if (best < 0 || x.data()[p] > x.data()[best]) {
                                    best = p;
                                }
                            }
                        }
                        int o = (plane * out.height() + oh) * out.width() + ow;
                        assertEquals(x.data()[best], y.value().data()[o], window + " output " + o);
                        expectedGrad[best] += 1;
                    }
                }
            }
            assertArrayEquals(expectedGrad, xv.grad().data(), window + ": the gradient goes to the first maximum");
        }
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        // logits (2 classes, 2 examples): column 0 = (1000, 0) labelled 0, column 1 = (0, 0) labelled 1
        Tensor z = Tensor.of(new float[] {1000, 0, 0, 0}, 2, 2);
        Var loss = Losses.softmaxCrossEntropy(new Tape(), Var.constant(z), new int[] {0, 1});
        assertEquals((0 + Math.log(2)) / 2, loss.item(), 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(new Tape(), Var.constant(z), new int[] {0, 2}));
    }

    @Test
    void activationValues() {
        Tape tape = new Tape();
        Var x = Var.constant(Tensor.of(new float[] {-1, 0, 1, 50, -50}, 5));
        assertArrayEquals(new float[] {0, 0, 1, 50, 0}, Activations.relu(tape, x).value().data());
        // GELU tanh approximation at ±1: 0.5 · x · (1 + tanh(0.7978845608 · (x + 0.044715 x³)))
        float[] gelu = Activations.gelu(tape, x).value().data();
        assertEquals(0.8411920f, gelu[2], 1e-6f);
        assertEquals(-0.1588080f, gelu[0], 1e-6f);
        assertEquals(50f, gelu[3], 1e-6f);
        float[] sigmoid = Activations.sigmoid(tape, x).value().data();
        assertEquals(0.7310586f, sigmoid[2], 1e-6f);
        assertEquals(0f, sigmoid[4], 1e-20f);
        assertEquals(1f, sigmoid[3]);
        assertEquals((float) Math.tanh(1), Activations.tanh(tape, x).value().data()[2]);
        // ELU: x above 0, exp(x) - 1 below
        assertArrayEquals(new float[] {(float) Math.expm1(-1), 0, 1, 50, (float) Math.expm1(-50)},
                Activations.elu(tape, x).value().data(), 1e-7f);
    }

    @Test
    void eluKeepsFloatPrecisionNearZeroAndSaturatesAtMinusOne() {
        Tape tape = new Tape();
        float[] x = {-1e-8f, -1e-6f, -0.5f, -20f, -200f, -1e-30f};
        float[] y = Activations.elu(tape, Var.constant(Tensor.of(x, 6))).value().data();
        for (int i = 0; i < x.length - 1; i++) {
            assertEquals(Math.expm1(x[i]), y[i], 1e-7 * Math.abs(Math.expm1(x[i])), "elu(" + x[i] + ")");
        }
        assertEquals(-1e-30, y[5], 1e-16, "below 1e-9 the error stays under 1e-16");
    }

    @Test
    void dropoutIsSeededScaledAndOffAtEvaluation() {
        Tensor ones = Tensor.zeros(100, 100).fill(1f);
        Var x = Var.constant(ones);
        Tape tape = new Tape();
        float[] a = Activations.dropout(tape, x, 0.25, true, new Rng(3)).value().data().clone();
        float[] b = Activations.dropout(tape, x, 0.25, true, new Rng(3)).value().data();
        assertArrayEquals(a, b, "the same seed gives the same mask");
        double sum = 0;
        int zeros = 0;
        for (float v : a) {
            assertTrue(v == 0f || Math.abs(v - 4f / 3) < 1e-6, "kept values are scaled by 1 / (1 - p)");
            zeros += v == 0f ? 1 : 0;
            sum += v;
        }
        assertEquals(2500, zeros, 200, "about p of the elements are dropped");
        assertEquals(1.0, sum / a.length, 0.05, "the expected value is preserved");
        assertSame(x, Activations.dropout(tape, x, 0.25, false, new Rng(3)));
        assertThrows(IllegalArgumentException.class, () -> Activations.dropout(tape, x, 1.0, true, new Rng(3)));
    }

    @Test
    void meanAndAddBias() {
        Tape tape = new Tape();
        Var x = Var.constant(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertEquals(3.5f, Ops.mean(tape, x).item());
        Var b = Var.constant(Tensor.of(new float[] {10, 20}, 2));
        assertArrayEquals(new float[] {11, 12, 13, 24, 25, 26}, LinearOps.addBias(tape, x, b).value().data());
    }
}
