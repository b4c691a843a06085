package rewire.models.gan;

import java.util.List;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.nn.Layer;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.Remap;

/**
 * The exponential moving average of a generator's parameters, the copy a GAN evaluates and samples
 * from (Yazıcı et al., ICLR 2019; ADAPT's EMA 0.999). It lives in a second generator of the same
 * architecture whose sparse weights follow the trained generator's topology: after each update, a
 * connection the DST pruned leaves the average and a grown one enters it at 0 (ADAPT's handling of
 * the EMA across mask changes), then {@code avg = decay·avg + (1 - decay)·w} over every parameter.
 * The average is workload state, saved in checkpoints under its own prefix.
 */
final class EmaGenerator {
    private final List<Param> trained;
    private final List<Param> average;
    private final Layer model;
    private final double decay;

    /** The average of {@code trained}'s parameters in {@code copy} (same architecture), starting equal to them. */
    EmaGenerator(Layer trained, Layer copy, double decay) {
        this.trained = trained.params();
        this.average = copy.params();
        this.model = copy;
        this.decay = decay;
        if (this.trained.size() != average.size()) {
            throw new IllegalArgumentException("the average has " + average.size() + " parameters, the generator "
                    + this.trained.size());
        }
        copy.requireGrad(false);
        follow(1);
    }

    /** The averaged generator. */
    Layer model() {
        return model;
    }

    /** Folds the generator's current parameters into the average. */
    void update() {
        follow(decay);
    }

    // moves every averaged sparse weight to the trained one's pattern, then avg = keep·avg + (1 - keep)·w
    private void follow(double keep) {
        float k = (float) keep;
        float w = (float) (1 - keep);
        for (int i = 0; i < trained.size(); i++) {
            Param t = trained.get(i);
            Param a = average.get(i);
            if (t instanceof SparseParam ts && a instanceof SparseParam as && !ts.pattern().equals(as.pattern())) {
                as.remap(Remap.between(as.pattern(), ts.pattern()), null);
            }
            float[] tv = t.values();
            float[] av = a.values();
            for (int e = 0; e < av.length; e++) {
                av[e] = k * av[e] + w * tv[e];
            }
        }
    }

    void save(Checkpoint.Builder c, String prefix) {
        ParamState.putParams(c, prefix, average);
    }

    void restore(Checkpoint c, String prefix) {
        ParamState.restoreParams(c, prefix, average, new Slots());
    }
}
