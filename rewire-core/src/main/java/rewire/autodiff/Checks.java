package rewire.autodiff;

import rewire.sparse.CsrMatrix;

/** Argument checks shared by the ops; each error names the op and the shapes involved. */
final class Checks {
    private Checks() {
    }

    /** Requires a dense rank-2 variable. */
    static void requireMatrix(String op, String role, Var v) {
        if (v.isSparse() || v.value().rank() != 2) {
            throw new IllegalArgumentException(op + ": " + role + " must be a dense matrix, got " + v);
        }
    }

    static void requireSameShape(String op, Var a, Var b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(op + ": shapes differ: " + a.shape() + " and " + b.shape());
        }
    }

    static void requireDense(String op, String role, Var v) {
        if (v.isSparse()) {
            throw new IllegalArgumentException(op + ": " + role + " must be dense, got " + v);
        }
    }

    /** Requires a sparse variable (a CSR weight) and returns its matrix. */
    static CsrMatrix requireSparse(String op, String role, Var v) {
        if (!v.isSparse()) {
            throw new IllegalArgumentException(op + ": " + role + " must be a sparse variable (Var.sparseParam), got "
                    + v);
        }
        return v.csr();
    }
}
