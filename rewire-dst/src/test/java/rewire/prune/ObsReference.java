package rewire.prune;

import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;

/**
 * Optimal brain surgeon one column at a time, by brute force, as SparseGPT defines its result:
 * the damped Hessian restricted to the columns not yet processed is inverted afresh (Gauss-Jordan)
 * at every column, pruning column j's entry w of a row moves {@code -w · [H_F⁻¹]_{j,k} / [H_F⁻¹]_jj}
 * onto every later column k at once (no lazy batches, no Cholesky), and masks are chosen by the
 * same rules (per block of {@code block} columns across rows, or per group of M in a row) from the
 * OBS saliency {@code w² / [H_F⁻¹]_jj}.
 */
final class ObsReference {
    private ObsReference() {
    }

    static CsrMatrix prune(float[] weights, int rows, int cols, double[][] hessian, double dampening, int block,
                           SparsityTarget target) {
        int n = cols;
        double[][] h = new double[n][n];
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += hessian[j][j] / n;
        }
        for (int i = 0; i < n; i++) {
            h[i] = hessian[i].clone();
            h[i][i] += dampening * mean;
        }
        double[][] w = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r][c] = weights[r * cols + c];
            }
        }
        boolean[][] pruned = new boolean[rows][cols];
        for (int j = 0; j < cols; j++) {
            if (target.semiStructured() ? j % target.m() == 0 : j % block == 0) {
                choose(w, h, pruned, j, target, block);
            }
            double[][] inv = inverseFrom(h, j);
            for (int r = 0; r < rows; r++) {
                if (pruned[r][j]) {
                    double q = w[r][j] / inv[0][0];
                    for (int k = j; k < cols; k++) {
                        w[r][k] -= q * inv[0][k - j];
                    }
                }
            }
        }
        boolean[] keep = new boolean[rows * cols];
        float[] values = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                keep[r * cols + c] = !pruned[r][c];
                values[r * cols + c] = (float) w[r][c];
            }
        }
        return new WeightMatrix("reference", rows, cols, values, null).gather(Patterns.fromMask(keep, rows, cols));
    }

    // the mask of columns [j, j + width): the lowest saliencies of the block (across rows) or of each row's group
    private static void choose(double[][] w, double[][] h, boolean[][] pruned, int j, SparsityTarget target, int block) {
        int rows = w.length;
        int width = target.semiStructured() ? target.m() : Math.min(block, w[0].length - j);
        double[] d = new double[width];
        for (int k = 0; k < width; k++) {
            d[k] = inverseFrom(h, j + k)[0][0];
        }
        if (target.semiStructured()) {
            for (int r = 0; r < rows; r++) {
                dropLowest(w, pruned, j, width, d, r, r + 1, target.m() - target.n());
            }
        } else {
            dropLowest(w, pruned, j, width, d, 0, rows, (int) Math.floor(target.sparsity() * rows * width));
        }
    }

    // prunes the `count` lowest w²/d of rows [r0, r1) x columns [j, j + width); ties prune the later position
    private static void dropLowest(double[][] w, boolean[][] pruned, int j, int width, double[] d, int r0, int r1,
                                   int count) {
        for (int taken = 0; taken < count; taken++) {
            int bestR = -1;
            int bestK = -1;
            float best = Float.MAX_VALUE;
            for (int r = r0; r < r1; r++) {
                for (int k = 0; k < width; k++) {
                    float s = (float) (w[r][j + k] * w[r][j + k] / d[k]);
                    if (!pruned[r][j + k] && s <= best) {
                        best = s;
                        bestR = r;
                        bestK = k;
                    }
                }
            }
            pruned[bestR][j + bestK] = true;
        }
    }

    // the inverse of h restricted to rows and columns [from, n), by Gauss-Jordan elimination
    static double[][] inverseFrom(double[][] h, int from) {
        int n = h.length - from;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                a[i][k] = h[from + i][from + k];
            }
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
                    pivot = i;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double p = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= p;
            }
            for (int i = 0; i < n; i++) {
                if (i != col) {
                    double f = a[i][col];
                    for (int k = 0; k < 2 * n; k++) {
                        a[i][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
