package rewire.models.marl;

import java.util.ArrayList;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.tensor.Rng;

/**
 * MAST's dual replay buffer (Hu et al., NeurIPS 2024, Sec. 4.3): every episode goes into a large
 * FIFO buffer (off-policy) and a small FIFO buffer of the most recent episodes (closer to the
 * current policy); each batch draws {@code round(fracSmall · B)} episodes from the small one and
 * the rest from the large one. The paper uses capacities 50 : 1 and draws 3 : 1, so
 * {@code fracSmall = 0.25}. With {@code fracSmall = 0} this is pymarl's single buffer.
 */
public final class DualReplay {
    private final EpisodeBuffer large;
    private final EpisodeBuffer small;
    private final double fracSmall;

    /**
     * @param capLarge  episodes in the large buffer
     * @param capSmall  episodes in the small buffer (MAST: {@code capLarge / 50}); ignored when {@code fracSmall = 0}
     * @param fracSmall fraction of each batch from the small buffer, in [0, 1]
     */
    public DualReplay(int capLarge, int capSmall, double fracSmall) {
        if (!(fracSmall >= 0 && fracSmall <= 1)) {
            throw new IllegalArgumentException("fracSmall must be in [0, 1], got " + fracSmall);
        }
        if (fracSmall > 0 && capSmall < 1) {
            throw new IllegalArgumentException("capSmall must be >= 1 when fracSmall > 0, got " + capSmall);
        }
        this.large = new EpisodeBuffer(capLarge);
        this.small = fracSmall > 0 ? new EpisodeBuffer(capSmall) : null;
        this.fracSmall = fracSmall;
    }

    /** A single FIFO buffer of {@code capacity} episodes. */
    public static DualReplay single(int capacity) {
        return new DualReplay(capacity, 0, 0);
    }

    /** MAST's default small capacity for a large capacity: {@code max(1, capLarge / 50)}. */
    public static int defaultSmallCapacity(int capLarge) {
        return Math.max(1, capLarge / 50);
    }

    public void add(Episode e) {
        large.add(e);
        if (small != null) {
            small.add(e);
        }
    }

    /** Episodes drawn from the small buffer in a batch of {@code batch}: {@code round(fracSmall · batch)}. */
    public int smallCount(int batch) {
        return (int) Math.round(fracSmall * batch);
    }

    /** Whether a batch of {@code batch} can be drawn. */
    public boolean canSample(int batch) {
        int fromSmall = smallCount(batch);
        return large.size() >= batch - fromSmall && (small == null || small.size() >= fromSmall);
    }

    /** A batch: the small buffer's share first, then the large buffer's. */
    public List<Episode> sample(int batch, Rng rng) {
        if (!canSample(batch)) {
            throw new IllegalStateException("cannot draw " + batch + " episodes yet: large buffer holds " + large.size()
                    + (small == null ? "" : ", small buffer " + small.size()));
        }
        int fromSmall = smallCount(batch);
        List<Episode> out = new ArrayList<>(batch);
        if (fromSmall > 0) {
            out.addAll(small.sample(fromSmall, rng));
        }
        out.addAll(large.sample(batch - fromSmall, rng));
        return out;
    }

    public EpisodeBuffer large() {
        return large;
    }

    /** The small buffer, or null when {@code fracSmall = 0}. */
    public EpisodeBuffer small() {
        return small;
    }

    /** Writes both buffers under {@code prefix} (see {@link EpisodeBuffer#save}). */
    public void save(Checkpoint.Builder c, String prefix) {
        large.save(c, prefix + "large/");
        if (small != null) {
            small.save(c, prefix + "small/");
        }
    }

    /** Reads back what {@link #save} wrote. */
    public void restore(Checkpoint c, String prefix, Episode.Dims dims) {
        large.restore(c, prefix + "large/", dims);
        if (small != null) {
            small.restore(c, prefix + "small/", dims);
        }
    }
}
