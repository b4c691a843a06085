package rewire.prune;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The upper Cholesky factor of a damped Hessian's inverse, the one matrix SparseGPT's sweep reads:
 * {@code H + λI = L·Lᵀ} (EJML's Cholesky), {@code (H + λI)⁻¹ = L⁻ᵀ·L⁻¹} through the inverse of the
 * triangular factor, then {@code (H + λI)⁻¹ = Uᵀ·U} with U upper triangular.
 */
final class InverseHessian {
    private InverseHessian() {
    }

    /**
     * {@code U} with {@code Uᵀ·U = (h + λI)⁻¹}, {@code λ = dampening · mean(diag h)}; {@code h} is
     * changed (damped).
     *
     * @throws IllegalArgumentException naming the layer when the damped matrix is not positive definite
     */
    static DMatrixRMaj upperCholesky(DMatrixRMaj h, double dampening, String layer) {
        int n = h.numRows;
        double damp = dampening * CommonOps_DDRM.trace(h) / n;
        for (int j = 0; j < n; j++) {
            h.add(j, j, damp);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> lower = DecompositionFactory_DDRM.chol(n, true);
        if (!lower.decompose(h)) {
            throw new IllegalArgumentException(layer + ": the damped Hessian is not positive definite (dampening "
                    + dampening + "); raise the dampening or calibrate with more sequences");
        }
        DMatrixRMaj l = lower.getT(null);
        zeroAbove(l);
        TriangularSolver_DDRM.invertLower(l.data, n);               // L⁻¹, lower triangular
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(l, l, inverse);                   // (L⁻¹)ᵀ · L⁻¹ = (L·Lᵀ)⁻¹
        CholeskyDecomposition_F64<DMatrixRMaj> upper = DecompositionFactory_DDRM.chol(n, false);
        if (!upper.decompose(inverse)) {
            throw new IllegalArgumentException(layer + ": the inverse Hessian lost positive definiteness in float64;"
                    + " raise the dampening");
        }
        DMatrixRMaj u = upper.getT(null);
        zeroBelow(u);
        return u;
    }

    private static void zeroAbove(DMatrixRMaj m) {
        for (int r = 0; r < m.numRows; r++) {
            for (int c = r + 1; c < m.numCols; c++) {
                m.set(r, c, 0);
            }
        }
    }

    private static void zeroBelow(DMatrixRMaj m) {
        for (int r = 1; r < m.numRows; r++) {
            for (int c = 0; c < r; c++) {
                m.set(r, c, 0);
            }
        }
    }
}
