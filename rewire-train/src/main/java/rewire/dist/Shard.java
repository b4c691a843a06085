package rewire.dist;

/**
 * Part {@code index} of {@code count} of every global batch: examples {@code [from(B), to(B))} of a
 * batch of {@code B}. Shards of one run split each batch into contiguous parts of equal size.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": need 0 <= index < count");
        }
    }

    /** The whole batch: the only shard of a single process. */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /** First example of this shard in a batch of {@code batch}. */
    public int from(int batch) {
        requireDivisible(batch);
        return index * (batch / count);
    }

    /** One past the last example of this shard in a batch of {@code batch}. */
    public int to(int batch) {
        return from(batch) + batch / count;
    }

    private void requireDivisible(int batch) {
        if (batch % count != 0) {
            throw new IllegalArgumentException("a batch of " + batch + " does not split into " + count
                    + " equal shards");
        }
    }
}
