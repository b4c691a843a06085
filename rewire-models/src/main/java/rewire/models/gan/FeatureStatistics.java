package rewire.models.gan;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import rewire.tensor.Tensor;

/**
 * The mean and covariance of a set of feature vectors, and the Fréchet distance between the
 * Gaussians of two such sets (Heusel et al., "GANs Trained by a Two Time-Scale Update Rule
 * Converge to a Local Nash Equilibrium", NeurIPS 2017, the FID):
 * <pre>
 * d² = |μ₁ - μ₂|² + tr(Σ₁) + tr(Σ₂) - 2 tr((Σ₁^½ Σ₂ Σ₁^½)^½)
 * </pre>
 * The matrix square roots come from EJML's symmetric eigen-decompositions: {@code Σ₁^½} from
 * {@code Σ₁}'s, then the trace of the root from the eigenvalues of the symmetric
 * {@code Σ₁^½ Σ₂ Σ₁^½}, whose roots are the singular values of {@code Σ₂^½ Σ₁^½}, so the result is
 * the usual {@code tr(sqrtm(Σ₁ Σ₂))} without a non-symmetric square root. Eigenvalues that
 * rounding makes slightly negative count as 0.
 *
 * @param mean       the mean feature vector {@code (F)}
 * @param covariance the covariance {@code (F, F)} with the unbiased {@code 1/(N - 1)}
 */
record FeatureStatistics(double[] mean, DMatrixRMaj covariance) {

    /** The statistics of the columns of {@code features (F, N)}, accumulated in double. */
    static FeatureStatistics of(Tensor features) {
        int f = features.rows();
        int n = features.cols();
        if (n < 2) {
            throw new IllegalArgumentException("feature statistics need at least 2 vectors, got " + n);
        }
        float[] x = features.data();
        double[] mean = new double[f];
        for (int i = 0; i < f; i++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += x[i * n + b];
            }
            mean[i] = s / n;
        }
        DMatrixRMaj centered = new DMatrixRMaj(f, n);
        for (int i = 0; i < f; i++) {
            for (int b = 0; b < n; b++) {
                centered.data[i * n + b] = x[i * n + b] - mean[i];
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(f, f);
        CommonOps_DDRM.multTransB(centered, centered, cov);
        CommonOps_DDRM.scale(1.0 / (n - 1), cov);
        return new FeatureStatistics(mean, cov);
    }

    /** The Fréchet distance between the Gaussians of these statistics and {@code other}'s. */
    double frechetDistance(FeatureStatistics other) {
        double d = 0;
        for (int i = 0; i < mean.length; i++) {
            double diff = mean[i] - other.mean[i];
            d += diff * diff;
        }
        DMatrixRMaj root = symmetricRoot(covariance);
        DMatrixRMaj product = new DMatrixRMaj(root.numRows, root.numCols);
        DMatrixRMaj inner = new DMatrixRMaj(root.numRows, root.numCols);
        CommonOps_DDRM.mult(root, other.covariance, product);
        CommonOps_DDRM.mult(product, root, inner);
        double traceRoot = 0;
        for (double lambda : symmetricEigenvalues(inner)) {
            traceRoot += Math.sqrt(Math.max(0, lambda));
        }
        return d + CommonOps_DDRM.trace(covariance) + CommonOps_DDRM.trace(other.covariance) - 2 * traceRoot;
    }

    // V diag(sqrt(max(λ, 0))) Vᵀ of a symmetric matrix
    private static DMatrixRMaj symmetricRoot(DMatrixRMaj m) {
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(m, true);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double root = Math.sqrt(Math.max(0, eig.getEigenvalue(k).real));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.data[i * n + j] += root * v.data[i] * v.data[j];
                }
            }
        }
        return out;
    }

    private static double[] symmetricEigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(m, false);
        double[] out = new double[m.numRows];
        for (int k = 0; k < out.length; k++) {
            out[k] = eig.getEigenvalue(k).real;
        }
        return out;
    }

    private static EigenDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj m, boolean vectors) {
        // symmetrized first: rounding leaves a product of symmetric matrices a hair off symmetric
        DMatrixRMaj sym = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.transpose(m, sym);
        CommonOps_DDRM.addEquals(sym, m);
        CommonOps_DDRM.scale(0.5, sym);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, vectors, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("the eigen-decomposition of a " + m.numRows + " x " + m.numCols
                    + " covariance did not converge");
        }
        return eig;
    }
}
