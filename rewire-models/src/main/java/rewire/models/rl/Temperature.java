package rewire.models.rl;

import java.util.List;
import rewire.nn.DenseParam;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.tensor.Tensor;

/**
 * SAC's entropy temperature {@code α}, learned as {@code log α} so it stays positive (Haarnoja et
 * al., 2018, Sec. 5): its own parameter group, trained to keep the policy's entropy near a target.
 */
public final class Temperature extends Module {
    private final DenseParam logAlpha;

    public Temperature(double initial) {
        if (!(initial > 0)) {
            throw new IllegalArgumentException("the initial temperature must be positive, got " + initial);
        }
        this.logAlpha = new DenseParam("temperature.logAlpha", Tensor.zeros(1).fill((float) Math.log(initial)));
    }

    public DenseParam logAlpha() {
        return logAlpha;
    }

    /** {@code α = exp(log α)}. */
    public double alpha() {
        return Math.exp(logAlpha.values()[0]);
    }

    @Override
    protected List<Param> ownParams() {
        return List.of(logAlpha);
    }
}
