package rewire.dist;

import java.util.ArrayList;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.train.Hook;

/**
 * Puts every shard's {@link ShardState} (its error-feedback residuals) into the run's checkpoints
 * and gives them back to the backend when the run resumes, so a distributed run continues to the
 * same bits. A state is saved only when some shard has one.
 */
final class ShardStates implements Hook {
    private static final String PREFIX = "dist/shard/";

    private final DataParallel backend;

    ShardStates(DataParallel backend) {
        this.backend = backend;
    }

    @Override
    public void save(Checkpoint.Builder checkpoint) {
        List<ShardState> states = backend.states();
        for (int s = 0; s < states.size(); s++) {
            states.get(s).save(checkpoint, PREFIX + s + "/");
        }
    }

    @Override
    public void restore(Checkpoint checkpoint) {
        List<ShardState> states = new ArrayList<>();
        for (int s = 0; s < backend.shards(); s++) {
            states.add(ShardState.read(checkpoint, PREFIX + s + "/"));
        }
        backend.restore(states);
    }
}
