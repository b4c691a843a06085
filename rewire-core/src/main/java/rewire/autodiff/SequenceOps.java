package rewire.autodiff;

/**
 * Column moves between sequences of tokens laid out as a transformer's activations: feature-major
 * {@code (F, B·T)}, sequence b's token t in column {@code b·T + t} (the layout of
 * {@link AttentionOps}). A vision transformer puts a class token in front of each image's patches
 * and reads its logits from that token alone (Dosovitskiy et al., "An Image is Worth 16x16 Words",
 * ICLR 2021).
 */
public final class SequenceOps {
    private SequenceOps() {
    }

    /**
     * Sequence b becomes {@code first[:, b]} followed by its n tokens {@code rest[:, b·n .. b·n + n)}:
     * {@code first : (F, B)}, {@code rest : (F, B·n)}, {@code y : (F, B·(n+1))}. Gradient: each
     * column of {@code dy} goes back to the column it was copied from.
     */
    public static Var prepend(Tape tape, Var first, Var rest) {
        Checks.requireMatrix("prepend", "first", first);
        Checks.requireMatrix("prepend", "rest", rest);
        int f = first.value().rows();
        int b = first.value().cols();
        int nb = rest.value().cols();
        if (rest.value().rows() != f || nb % b != 0) {
            throw new IllegalArgumentException("prepend: first " + first.shape() + " must be (F, B) and rest "
                    + rest.shape() + " (F, B·n)");
        }
        int n = nb / b;
        int t = n + 1;
        Var y = tape.output("prepend", Tape.anyRequiresGrad(first, rest), f, b * t);
        float[] fv = first.value().data();
        float[] rv = rest.value().data();
        float[] yv = y.value().data();
        for (int r = 0; r < f; r++) {
            for (int s = 0; s < b; s++) {
                yv[r * b * t + s * t] = fv[r * b + s];
                System.arraycopy(rv, r * nb + s * n, yv, r * b * t + s * t + 1, n);
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] df = first.requiresGrad() ? tape.grad(first).data() : null;
            float[] dr = rest.requiresGrad() ? tape.grad(rest).data() : null;
            for (int r = 0; r < f; r++) {
                for (int s = 0; s < b; s++) {
                    int from = r * b * t + s * t;
                    if (df != null) {
                        df[r * b + s] += dy[from];
                    }
                    if (dr != null) {
                        for (int j = 0; j < n; j++) {
                            dr[r * nb + s * n + j] += dy[from + 1 + j];
                        }
                    }
                }
            }
        });
        return y;
    }

    /**
     * The first token of each sequence: {@code x : (F, B·T)}, {@code y : (F, B)},
     * {@code y[:, b] = x[:, b·T]}. Gradient: {@code dx[:, b·T] += dy[:, b]}, 0 for the other tokens.
     */
    public static Var firstTokens(Tape tape, Var x, int seqLen) {
        Checks.requireMatrix("firstTokens", "x", x);
        int f = x.value().rows();
        int n = x.value().cols();
        if (seqLen < 1 || n % seqLen != 0) {
            throw new IllegalArgumentException("firstTokens: x " + x.shape() + " is not whole sequences of " + seqLen
                    + " tokens");
        }
        int b = n / seqLen;
        Var y = tape.output("firstTokens", x.requiresGrad(), f, b);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int r = 0; r < f; r++) {
            for (int s = 0; s < b; s++) {
                yv[r * b + s] = xv[r * n + s * seqLen];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int r = 0; r < f; r++) {
                for (int s = 0; s < b; s++) {
                    dx[r * n + s * seqLen] += dy[r * b + s];
                }
            }
        });
        return y;
    }
}
