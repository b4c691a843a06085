package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Losses;
import rewire.autodiff.Ops;
import rewire.autodiff.SparseConvOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.tensor.Rng;

/**
 * Every autodiff op passes a finite-difference check with respect to every input. Non-scalar
 * outputs are reduced by a fixed random projection {@code Σ y ⊙ R}, so each output element
 * carries its own weight. These tests live in the testkit because core cannot depend on it.
 */
class OpGradientTest extends OpGradientCase {
    OpGradientTest() {
        super(42);
    }

    @Test
    void addAndMul() {
        Var a = leaf(3, 5);
        Var b = leaf(3, 5);
        check(t -> Ops.add(t, a, b), a, b);
        check(t -> Ops.mul(t, a, b), a, b);
        check(t -> Ops.mul(t, a, a), a);
    }

    @Test
    void sumAndMean() {
        Var x = leaf(4, 6);
        GradCheck.ofTape(t -> Ops.sum(t, Ops.mul(t, x, x)), x).assertPasses();
        GradCheck.ofTape(t -> Ops.mean(t, Ops.mul(t, x, x)), x).assertPasses();
    }

    @Test
    void activations() {
        Var x = awayFrom(0, 0.1f, 4, 7);
        check(t -> Activations.relu(t, x), x);
        check(t -> Activations.tanh(t, x), x);
        check(t -> Activations.sigmoid(t, x), x);
        check(t -> Activations.gelu(t, x), x);
        check(t -> Activations.elu(t, x), x);
    }

    @Test
    void dropoutWithAFixedMask() {
        Var x = leaf(5, 8);
        check(t -> Activations.dropout(t, x, 0.3, true, new Rng(9)), x);
    }

    @Test
    void denseLinear() {
        Var x = leaf(6, 5);
        Var w = param(4, 6);
        check(t -> LinearOps.linear(t, x, w), x, w);
    }

    @Test
    void sparseLinear() {
        Var x = leaf(9, 5);
        Var w = sparseParam(7, 9, 0.3);
        check(t -> LinearOps.sparseLinear(t, x, w), x, w);
    }

    @Test
    void maskedLinear() {
        Var x = leaf(9, 5);
        Var w = sparseParam(7, 9, 0.6);
        check(t -> LinearOps.maskedLinear(t, x, w), x, w);
    }

    @Test
    void sparseAndMaskedLinearWithBias() {
        Var x = leaf(9, 5);
        Var b = param(7);
        Var w = sparseParam(7, 9, 0.3);
        check(t -> LinearOps.sparseLinear(t, x, w, b), x, w, b);
        Var m = sparseParam(7, 9, 0.6);
        check(t -> LinearOps.maskedLinear(t, x, m, b), x, m, b);
    }

    /**
     * The fused layer and ReLU. Operands are redrawn until every pre-activation {@code W·x + b}
     * lies at least 0.1 from the kink, so no finite-difference step crosses it; about half the
     * outputs are cut, so the gated gradient is exercised.
     */
    @Test
    void sparseLinearFusedWithRelu() {
        for (int draw = 0; draw < 200; draw++) {
            Var x = leaf(9, 5);
            Var w = sparseParam(7, 9, 0.3);
            Var b = param(7);
            Tape probe = new Tape();
            float[] z = LinearOps.sparseLinear(probe, x, w, b).value().data();
            boolean clear = true;
            for (float v : z) {
                clear &= Math.abs(v) >= 0.1f;
            }
            if (clear) {
                check(t -> LinearOps.sparseLinearRelu(t, x, w, b), x, w, b);
                check(t -> LinearOps.sparseLinearRelu(t, x, w, null), x, w);
                return;
            }
        }
        throw new AssertionError("no draw kept every pre-activation 0.1 away from the ReLU's kink");
    }

    /**
     * An op result read by several ops: the first backward to reach it overwrites its gradient
     * buffer, the others add into it (Tape.gradTarget); a wrong order or a lost term fails here.
     */
    @Test
    void aResultWithSeveralConsumersGetsEveryGradient() {
        Var x = awayFrom(0, 0.1f, 9, 5);
        Var scale = Var.constant(awayFrom(0, 0.1f, 9, 5).value());
        Var w = sparseParam(7, 9, 0.3);
        Var m = sparseParam(7, 9, 0.6);
        Var b = param(7);
        Var c = param(9);
        check(t -> {
            Var h = Ops.mul(t, x, scale);  // (9, 5), |h| >= 0.01: ReLU's kink stays out of reach
            Var viaRelu = LinearOps.sparseLinear(t, Activations.relu(t, h), w, b);
            Var viaMasked = LinearOps.maskedLinear(t, LinearOps.addBias(t, h, c), m, b);
            return Ops.add(t, Ops.add(t, viaRelu, viaMasked), LinearOps.sparseLinear(t, h, w));
        }, x, w, m, b, c);
    }

    @Test
    void addBias() {
        Var x = leaf(4, 6);
        Var b = param(4);
        check(t -> LinearOps.addBias(t, x, b), x, b);
    }

    @Test
    void im2colWithStrideAndPadding() {
        ImageShape in = new ImageShape(2, 5, 4);
        Var x = leaf(2, 2 * 5 * 4);
        check(t -> ConvOps.im2col(t, x, in, new Window(3, 2, 1)), x);
    }

    @Test
    void denseAndSparseConvolution() {
        ImageShape in = new ImageShape(2, 5, 5);
        Window window = new Window(3, 1, 1);
        Var x = leaf(2, 2 * 25);
        Var dense = param(3, 2 * 9);
        Var sparse = sparseParam(3, 2 * 9, 0.4);
        check(t -> ConvOps.conv2d(t, x, in, window, dense), x, dense);
        check(t -> ConvOps.conv2d(t, x, in, window, sparse), x, sparse);
    }

    @Test
    void directSparseConvolution() {
        // odd planes, kernels 3 and 5 with and without padding, a bias
        for (Window window : new Window[] {new Window(3, 1, 1), new Window(3, 1, 0), new Window(5, 1, 2)}) {
            ImageShape in = new ImageShape(2, 5, 7);
            Var x = leaf(2, 3 * 35);
            Var w = sparseParam(3, 2 * window.size() * window.size(), 0.3);
            Var b = param(3);
            check(t -> SparseConvOps.conv2d(t, x, in, window, w, b), x, w, b);
        }
    }

    @Test
    void maxPoolingAwayFromTies() {
        ImageShape in = new ImageShape(2, 4, 6);
        Var x = leaf(2, 2 * 24);
        // distinct values 0.05 apart, shuffled: no window has two maxima within the step
        float[] d = x.value().data();
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.05f * i;
        }
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        check(t -> ConvOps.maxPool2d(t, x, in, Window.of(2, 2)), x);
        check(t -> ConvOps.maxPool2d(t, x, in, Window.of(3, 1)), x);
    }

    @Test
    void averagePooling() {
        ImageShape in = new ImageShape(2, 5, 5);
        Var x = leaf(2, 3 * 25);
        check(t -> ConvOps.avgPool2d(t, x, in, Window.of(2, 2)), x);
    }

    @Test
    void flattenAndUnflatten() {
        ImageShape in = new ImageShape(3, 2, 2);
        Var map = leaf(3, 2 * 4);
        Var flat = leaf(12, 2);
        check(t -> ConvOps.flatten(t, map, in), map);
        check(t -> ConvOps.unflatten(t, flat, in), flat);
    }

    @Test
    void softmaxCrossEntropy() {
        Var logits = leaf(5, 6);
        int[] labels = {0, 4, 2, 2, 1, 3};
        GradCheck.ofTape(t -> Losses.softmaxCrossEntropy(t, logits, labels), logits).assertPasses();
    }

    @Test
    void aSmallNetworkEndToEnd() {
        ImageShape in = new ImageShape(1, 6, 6);
        Var x = leaf(1, 2 * 36);
        Var conv = sparseParam(3, 9, 0.7);
        Var head = param(4, 3 * 4);
        Var bias = param(4);
        int[] labels = {1, 3};
        GradCheck.ofTape(t -> {
            Var h = Activations.tanh(t, ConvOps.conv2d(t, x, in, Window.of(3, 1), conv));
            Var pooled = ConvOps.avgPool2d(t, h, new ImageShape(3, 4, 4), Window.of(2, 2));
            Var logits = LinearOps.addBias(t, LinearOps.linear(t, ConvOps.flatten(t, pooled, new ImageShape(3, 2, 2)), head), bias);
            return Losses.softmaxCrossEntropy(t, Activations.gelu(t, logits), labels);
        }, x, conv, head, bias).assertPasses();
    }
}
