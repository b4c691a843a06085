package rewire.prune;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import rewire.sparse.CsrMatrix;

/**
 * How one-shot pruning chooses a layer's weights, and what it needs to know of the layer's
 * calibration inputs. A method reads the layer's weights and statistics and returns the pruned
 * layer as CSR: which entries stay and their values (the score criteria keep the values,
 * SparseGPT updates them).
 *
 * <p>Call order: the driver ({@link OneShotPruner}) collects {@link #needs()} over the
 * calibration passes, then calls {@link #prune} once per layer.
 */
public interface PruneMethod {

    /** The name on the command line and in reports ("wanda"). */
    String key();

    /** The paper, for docs and reports. */
    String paper();

    /** The statistics of the layer's inputs this method reads; empty needs no calibration. */
    Set<Statistic> needs();

    /**
     * The layer after pruning to {@code target}.
     *
     * @throws IllegalArgumentException naming the layer when it cannot hold the target (N:M on a
     *     width that is not a multiple of M) or saw no calibration token
     */
    CsrMatrix prune(WeightMatrix w, LayerStatistics stats, SparsityTarget target);

    /** Every method by name: the score criteria and SparseGPT with its paper's settings. */
    static List<PruneMethod> all() {
        return Stream.concat(Stream.<PruneMethod>of(ScoreCriterion.values()), Stream.of(SparseGpt.defaults())).toList();
    }

    /**
     * The method named {@code key}.
     *
     * @throws IllegalArgumentException naming the key and the choices
     */
    static PruneMethod named(String key) {
        return all().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("'" + key + "' is not a pruning method; choose one of "
                        + all().stream().map(PruneMethod::key).toList()));
    }
}
