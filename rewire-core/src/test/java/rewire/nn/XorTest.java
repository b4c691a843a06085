package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Tiny networks learn an XOR-like problem (label = whether x₁ and x₂ have the same sign) with a
 * hand-written SGD loop, through one reused tape. A linear model cannot beat about 50% here.
 */
class XorTest {
    private static final int BATCH = 64;

    private record Data(Tensor x, int[] labels) {
    }

    // points (x₁, x₂) uniform in [-1, 1]², feature-major (2, n); label 1 when x₁ x₂ > 0
    private static Data sample(Rng rng, int n) {
        Tensor x = Tensor.zeros(2, n);
        int[] labels = new int[n];
        for (int b = 0; b < n; b++) {
            float a = 2 * rng.nextFloat() - 1;
            float c = 2 * rng.nextFloat() - 1;
            x.set(0, b, a);
            x.set(1, b, c);
            labels[b] = a * c > 0 ? 1 : 0;
        }
        return new Data(x, labels);
    }

    private static double train(Layer model, Rng rng, int steps, float learningRate) {
        Tape tape = new Tape();
        for (int step = 0; step < steps; step++) {
            Data batch = sample(rng, BATCH);
            model.params().forEach(Param::zeroGrad);
            tape.clear();
            tape.backward(Losses.softmaxCrossEntropy(tape, model.forward(tape, Var.constant(batch.x)), batch.labels));
            for (Param p : model.params()) {
                float[] v = p.values();
                float[] g = p.grad();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= learningRate * g[i];
                }
            }
        }
        return accuracy(model, sample(rng, 1000));
    }

    private static double accuracy(Layer model, Data test) {
        model.eval();
        Tensor logits = model.forward(new Tape(), Var.constant(test.x)).value();
        int correct = 0;
        for (int b = 0; b < test.labels.length; b++) {
            int predicted = logits.get(1, b) > logits.get(0, b) ? 1 : 0;
            correct += predicted == test.labels[b] ? 1 : 0;
        }
        return correct / (double) test.labels.length;
    }

    @Test
    void aDenseMlpLearnsXor() {
        Rng rng = new Rng(11);
        Layer model = new Sequential(Linear.create("fc1", 2, 16, rng), Activation.tanh(),
                Linear.create("fc2", 16, 16, rng), Activation.relu(), Linear.create("fc3", 16, 2, rng));
        double accuracy = train(model, rng, 300, 0.1f);
        assertTrue(accuracy > 0.93, "accuracy " + accuracy);
    }

    @Test
    void aSparseMlpLearnsXorInBothRepresentations() {
        Rng rng = new Rng(12);
        SparseLinear hidden = SparseLinear.create("fc2", 32, 32, 0.25, rng);
        Layer model = new Sequential(Linear.create("fc1", 2, 32, rng), Activation.gelu(), hidden,
                Activation.tanh(), Linear.create("fc3", 32, 2, rng));
        assertTrue(hidden.representation() == SparseLinear.Representation.CSR);
        double accuracy = train(model, rng, 300, 0.1f);
        assertTrue(accuracy > 0.93, "CSR accuracy " + accuracy);

        Rng rng2 = new Rng(12);
        SparseLinear masked = SparseLinear.create("fc2", 32, 32, 0.6, rng2);  // above the narrow-layer crossover
        Layer model2 = new Sequential(Linear.create("fc1", 2, 32, rng2), Activation.gelu(), masked,
                Activation.tanh(), Linear.create("fc3", 32, 2, rng2));
        assertTrue(masked.representation() == SparseLinear.Representation.DENSE_MASKED);
        double accuracy2 = train(model2, rng2, 300, 0.1f);
        assertTrue(accuracy2 > 0.93, "dense-with-mask accuracy " + accuracy2);
    }
}
