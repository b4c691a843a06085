package rewire.autodiff;

/**
 * Table lookup: the embedding of a token is a row of a {@code (V, F)} table, written as a
 * feature-major column, so a sequence of tokens becomes the activations {@code (F, N)} the rest
 * of the network consumes. Using the same table as the weight of an output {@link LinearOps#linear}
 * ties the embedding and the output head (Press and Wolf, "Using the Output Embedding to Improve
 * Language Models", EACL 2017): both ops add into the one gradient.
 */
public final class EmbeddingOps {
    private EmbeddingOps() {
    }

    /**
     * {@code y[:, n] = table[ids[n], :]}; {@code table : (V, F)}, {@code ids : (N,)} in
     * {@code [0, V)}, {@code y : (F, N)}. Gradient: {@code dtable[ids[n], :] += dy[:, n]}.
     * The ids are copied, so the caller may reuse the array before backward.
     */
    public static Var lookup(Tape tape, Var table, int[] ids) {
        Checks.requireMatrix("lookup", "table", table);
        int vocab = table.value().rows();
        int width = table.value().cols();
        int n = ids.length;
        int[] kept = tape.scratchInts(n);
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException("lookup: id " + ids[i] + " at position " + i + " outside [0, "
                        + vocab + ") of table " + table.shape());
            }
            kept[i] = ids[i];
        }
        Var y = tape.output("lookup", table.requiresGrad(), width, n);
        float[] t = table.value().data();
        float[] yv = y.value().data();
        for (int f = 0; f < width; f++) {
            int row = f * n;
            for (int i = 0; i < n; i++) {
                yv[row + i] = t[kept[i] * width + f];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dt = tape.grad(table).data();
            for (int f = 0; f < width; f++) {
                int row = f * n;
                for (int i = 0; i < n; i++) {
                    dt[kept[i] * width + f] += dy[row + i];
                }
            }
        });
        return y;
    }
}
