package rewire.autodiff;

import rewire.tensor.Shape;

/**
 * Elementwise arithmetic and reductions. Elementwise ops take two variables of the same shape
 * (any rank) and return that shape; reductions return a scalar of shape {@code ()}. A sparse
 * weight takes part as the {@code (nnz,)} vector of its entries (for example a weight-decay term
 * {@code sum(mul(w, w))}). Sums are accumulated in double so a mean over a large tensor keeps
 * float precision.
 */
public final class Ops {
    private static final Shape SCALAR = Shape.of();

    private Ops() {
    }

    /** {@code y = a + b}; shapes {@code a, b, y : S}. */
    public static Var add(Tape tape, Var a, Var b) {
        Checks.requireSameShape("add", a, b);
        Var y = tape.output("add", Tape.anyRequiresGrad(a, b), a.shape());
        float[] av = a.value().data();
        float[] bv = b.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = av[i] + bv[i];
        }
        tape.onBackward(y, () -> {
            // da += dy, db += dy
            float[] dy = y.grad().data();
            addInto(tape, a, dy);
            addInto(tape, b, dy);
        });
        return y;
    }

    /** {@code y = a ⊙ b} (elementwise product); shapes {@code a, b, y : S}. */
    public static Var mul(Tape tape, Var a, Var b) {
        Checks.requireSameShape("mul", a, b);
        Var y = tape.output("mul", Tape.anyRequiresGrad(a, b), a.shape());
        float[] av = a.value().data();
        float[] bv = b.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = av[i] * bv[i];
        }
        tape.onBackward(y, () -> {
            // da += dy ⊙ b, db += dy ⊙ a
            float[] dy = y.grad().data();
            multiplyInto(tape, a, dy, bv);
            multiplyInto(tape, b, dy, av);
        });
        return y;
    }

    /** {@code y = c · x}; shapes {@code x, y : S}. */
    public static Var scale(Tape tape, Var x, double c) {
        Checks.requireDense("scale", "x", x);
        Var y = tape.output("scale", x.requiresGrad(), x.shape());
        float k = (float) c;
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = k * xv[i];
        }
        tape.onBackward(y, () -> {
            // dx += c · dy
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += k * dy[i];
            }
        });
        return y;
    }

    /** {@code y = Σ x}; {@code x : S}, {@code y : ()}. */
    public static Var sum(Tape tape, Var x) {
        return reduce(tape, x, "sum", 1.0);
    }

    /** {@code y = Σ x / size(x)}; {@code x : S}, {@code y : ()}. */
    public static Var mean(Tape tape, Var x) {
        if (x.value().size() == 0) {
            throw new IllegalArgumentException("mean of an empty tensor of shape " + x.shape());
        }
        return reduce(tape, x, "mean", 1.0 / x.value().size());
    }

    // y = scale · Σ x; dx += scale · dy
    private static Var reduce(Tape tape, Var x, String op, double scale) {
        Var y = tape.output(op, x.requiresGrad(), SCALAR);
        double total = 0;
        for (float v : x.value().data()) {
            total += v;
        }
        y.value().data()[0] = (float) (total * scale);
        tape.onBackward(y, () -> {
            float g = (float) (y.grad().data()[0] * scale);
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += g;
            }
        });
        return y;
    }

    private static void addInto(Tape tape, Var target, float[] dy) {
        if (!target.requiresGrad()) {
            return;
        }
        float[] d = tape.grad(target).data();
        for (int i = 0; i < d.length; i++) {
            d[i] += dy[i];
        }
    }

    private static void multiplyInto(Tape tape, Var target, float[] dy, float[] other) {
        if (!target.requiresGrad()) {
            return;
        }
        float[] d = tape.grad(target).data();
        for (int i = 0; i < d.length; i++) {
            d[i] += dy[i] * other[i];
        }
    }
}
