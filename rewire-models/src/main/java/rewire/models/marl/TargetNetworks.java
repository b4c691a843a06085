package rewire.models.marl;

import java.util.List;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.Remap;

/**
 * Keeps target networks in step with the online networks (Mnih et al., "Human-level control
 * through deep reinforcement learning", Nature 2015): a hard update copies every weight, and
 * between updates the target's sparsity pattern follows the online one, as RLx2 does (Tan et al.,
 * ICLR 2023, which masks the target weights after each update): entries the online network
 * pruned are dropped from the target, entries it grew enter the target at zero, the rest keep
 * their target values. So online and target always share one topology.
 */
public final class TargetNetworks {
    private final QNetworks online;
    private final QNetworks target;
    private final List<Param> onlineParams;
    private final List<Param> targetParams;

    public TargetNetworks(QNetworks online, QNetworks target) {
        this.online = online;
        this.target = target;
        this.onlineParams = online.params();
        this.targetParams = target.params();
        if (onlineParams.size() != targetParams.size()) {
            throw new IllegalArgumentException("online and target networks differ: " + onlineParams.size() + " and "
                    + targetParams.size() + " parameters");
        }
        hardUpdate();
    }

    public QNetworks online() {
        return online;
    }

    public QNetworks target() {
        return target;
    }

    /** Copies every online weight (and pattern) into the target. */
    public void hardUpdate() {
        for (int i = 0; i < onlineParams.size(); i++) {
            Param from = onlineParams.get(i);
            Param to = targetParams.get(i);
            if (from instanceof SparseParam s && to instanceof SparseParam t) {
                follow(s, t);
            } else if (!(from instanceof DenseParam && to instanceof DenseParam)) {
                throw new IllegalStateException(from.name() + " and " + to.name() + " are of different kinds");
            }
            System.arraycopy(from.values(), 0, to.values(), 0, from.size());
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
