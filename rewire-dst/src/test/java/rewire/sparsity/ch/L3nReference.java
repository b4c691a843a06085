package rewire.sparsity.ch;

import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * A brute-force L3n score for tests: the dense matrix form of METHODS E.1 written out literally,
 * diagonal terms included, {@code O(n^3)} time and {@code out x in} memory.
 */
final class L3nReference {
    private L3nReference() {
    }

    /** The pattern of a 0/1 matrix given by rows. */
    static SparsityPattern pattern(int[][] mask) {
        int rows = mask.length;
        int cols = mask[0].length;
        boolean[] flat = new boolean[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                flat[r * cols + c] = mask[r][c] != 0;
            }
        }
        return Patterns.fromMask(flat, rows, cols);
    }

    /** S = F_o·M + (F_i·Mᵀ)ᵀ, then 0 on the pattern; row-major (rows, cols). */
    static double[] scores(SparsityPattern pattern, CHVariant variant) {
        int rows = pattern.rows();
        int cols = pattern.cols();
        double[][] m = new double[rows][cols];
        boolean[] mask = Patterns.toMask(pattern);
        for (int i = 0; i < rows * cols; i++) {
            m[i / cols][i % cols] = mask[i] ? 1 : 0;
        }
        double[][] mt = transpose(m);
        double[][] fOut = pairFactors(multiply(m, mt), rowSums(m), variant);   // (rows, rows)
        double[][] fIn = pairFactors(multiply(mt, m), rowSums(mt), variant);   // (cols, cols)
        double[][] first = multiply(fOut, m);                                 // (rows, cols)
        double[][] second = transpose(multiply(fIn, mt));                     // (rows, cols)
        double[] s = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                s[i * cols + k] = mask[i * cols + k] ? 0 : first[i][k] + second[i][k];
            }
        }
        return s;
    }

    // F[u][v] from A[u][v] and the degree of the second index v; 0 where A = 0
    private static double[][] pairFactors(double[][] a, double[] degree, CHVariant variant) {
        int n = a.length;
        double[][] f = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (a[u][v] == 0) {
                    continue;
                }
                double external = Math.max(degree[v] - a[u][v] - 1, 0);
                f[u][v] = variant == CHVariant.CH2 ? (a[u][v] + 1) / (external + 1) : 1 / (external + 1);
            }
        }
        return f;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int inner = y.length;
        int p = inner == 0 ? 0 : y[0].length;
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < inner; t++) {
                for (int j = 0; j < p; j++) {
                    z[i][j] += x[i][t] * y[t][j];
                }
            }
        }
        return z;
    }

    private static double[][] transpose(double[][] x) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[][] t = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    private static double[] rowSums(double[][] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (double v : x[i]) {
                s[i] += v;
            }
        }
        return s;
    }
}
