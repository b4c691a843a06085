package rewire.models.rl;

import java.util.List;
import rewire.nn.DenseParam;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.Remap;

/**
 * A target network: a second copy of a module that trails the online one, for value targets
 * (Mnih et al., "Human-level control through deep reinforcement learning", Nature 2015). A hard
 * update copies every weight; a soft update moves each target weight a fraction {@code τ} toward
 * its online weight (Polyak averaging, Lillicrap et al., "Continuous control with deep
 * reinforcement learning", ICLR 2016). Between updates the target's sparsity patterns follow the
 * online ones, as RLx2 does (Tan et al., ICLR 2023, which masks the target weights after each
 * update): connections the online network pruned are dropped from the target, connections it grew
 * enter the target at zero, the rest keep their target values. So online and target always share
 * one topology, and the target of a sparse module costs what the online one costs.
 *
 * @param <M> the module type, so callers keep its own entry points
 */
public final class TargetNetwork<M extends Module> {
    private final M online;
    private final M target;
    private final List<Param> onlineParams;
    private final List<Param> targetParams;

    /** Pairs {@code online} with {@code target} (built the same way) and copies the online weights over. */
    public TargetNetwork(M online, M target) {
        this.online = online;
        this.target = target;
        this.onlineParams = online.params();
        this.targetParams = target.params();
        if (onlineParams.size() != targetParams.size()) {
            throw new IllegalArgumentException("online and target networks differ: " + onlineParams.size() + " and "
                    + targetParams.size() + " parameters");
        }
        for (int i = 0; i < onlineParams.size(); i++) {
            Param from = onlineParams.get(i);
            Param to = targetParams.get(i);
            if (!(from instanceof SparseParam && to instanceof SparseParam)
                    && !(from instanceof DenseParam && to instanceof DenseParam && from.size() == to.size())) {
                throw new IllegalArgumentException(from.name() + " and " + to.name() + " are of different kinds or sizes");
            }
        }
        hardUpdate();
    }

    public M online() {
        return online;
    }

    public M target() {
        return target;
    }

    /** Copies every online weight (and pattern) into the target. */
    public void hardUpdate() {
        followTopology();
        for (int i = 0; i < onlineParams.size(); i++) {
            Param from = onlineParams.get(i);
            System.arraycopy(from.values(), 0, targetParams.get(i).values(), 0, from.size());
        }
    }

    /** {@code target ← τ·online + (1 − τ)·target}, after following the online topology. */
    public void softUpdate(double tau) {
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("the soft-update rate tau must be in (0, 1], got " + tau);
        }
        followTopology();
        float keep = (float) (1 - tau);
        float take = (float) tau;
        for (int i = 0; i < onlineParams.size(); i++) {
            float[] from = onlineParams.get(i).values();
            float[] to = targetParams.get(i).values();
            for (int k = 0; k < to.length; k++) {
                to[k] = keep * to[k] + take * from[k];
            }
        }
    }

    /** Moves every target pattern that differs from its online pattern onto it; returns how many moved. */
    public int followTopology() {
        int moved = 0;
        for (int i = 0; i < onlineParams.size(); i++) {
            if (onlineParams.get(i) instanceof SparseParam s && targetParams.get(i) instanceof SparseParam t
                    && follow(s, t)) {
                moved++;
            }
        }
        return moved;
    }

    private static boolean follow(SparseParam online, SparseParam target) {
        if (online.pattern() == target.pattern() || online.pattern().equals(target.pattern())) {
            return false;
        }
        target.remap(Remap.between(target.pattern(), online.pattern()), null);
        return true;
    }
}
