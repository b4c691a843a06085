package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * A blocked dense product {@code C (m, n) (+)= op(A) (m, k) · op(B) (k, n)} in row-major storage,
 * the fallback for machines without OpenBLAS. Each transpose combination gets the loop order
 * whose inner loop reads contiguous floats:
 * <ul>
 *   <li>{@code B} not transposed: rows of {@code C} as vectors; a 4-row by 2-vector tile of
 *       {@code C} stays in registers while {@code p} runs over {@code k}, each step broadcasting
 *       four elements of {@code op(A)} and loading two vectors of a {@code B} row;</li>
 *   <li>{@code A} not transposed, {@code B} transposed: both operands are contiguous along
 *       {@code k}, so a 2 by 2 tile of dot products runs along {@code k} and folds each lane
 *       sum once;</li>
 *   <li>both transposed: columns of {@code C} as vectors ({@code Aᵀ}'s rows are contiguous
 *       along {@code m}), four columns at a time, written back lane by lane.</li>
 * </ul>
 * Within each form every element of {@code C} is computed by the same arithmetic, in a fixed
 * order over {@code k}, whichever tile or lane it lands in; so a row range of {@code C} gives the
 * same bits as the whole product. Edge tiles repeat the last row or column instead of needing
 * separate code; a repeat computes the same value as the real one, and the dot forms skip
 * writing it.
 */
final class Gemm {
    private Gemm() {
    }

    static void run(boolean transA, boolean transB, int m, int n, int k,
                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float[] c, int cOff, int ldc, boolean accumulate) {
        if (!transB) {
            rowsOfC(transA, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else if (!transA) {
            dotTiles(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else {
            columnsOfC(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
    }

    // C[i, j0 .. j0 + 2L) for rows i0 .. i0 + 3 (+)= sum_p op(A)[i, p] * B[p, j0 .. j0 + 2L)
    private static void rowsOfC(boolean transA, int m, int n, int k, float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        // Step between consecutive p and consecutive i in A's storage.
        int pStep = transA ? lda : 1;
        int iStep = transA ? 1 : lda;
        for (int j0 = 0; j0 < n; j0 += 2 * L) {
            VectorMask<Float> m0 = FLOATS.indexInRange(j0, n);
            VectorMask<Float> m1 = FLOATS.indexInRange(j0 + L, n);
            for (int i0 = 0; i0 < m; i0 += 4) {
                int i1 = Math.min(i0 + 1, m - 1);
                int i2 = Math.min(i0 + 2, m - 1);
                int i3 = Math.min(i0 + 3, m - 1);
                FloatVector c00 = start(c, cOff + i0 * ldc + j0, m0, accumulate);
                FloatVector c01 = start(c, cOff + i0 * ldc + j0 + L, m1, accumulate);
                FloatVector c10 = start(c, cOff + i1 * ldc + j0, m0, accumulate);
                FloatVector c11 = start(c, cOff + i1 * ldc + j0 + L, m1, accumulate);
                FloatVector c20 = start(c, cOff + i2 * ldc + j0, m0, accumulate);
                FloatVector c21 = start(c, cOff + i2 * ldc + j0 + L, m1, accumulate);
                FloatVector c30 = start(c, cOff + i3 * ldc + j0, m0, accumulate);
                FloatVector c31 = start(c, cOff + i3 * ldc + j0 + L, m1, accumulate);
                for (int p = 0; p < k; p++) {
                    int bAt = bOff + p * ldb + j0;
                    FloatVector b0 = FloatVector.fromArray(FLOATS, b, bAt, m0);
                    FloatVector b1 = FloatVector.fromArray(FLOATS, b, bAt + L, m1);
                    int aAt = aOff + p * pStep;
                    FloatVector w0 = FloatVector.broadcast(FLOATS, a[aAt + i0 * iStep]);
                    FloatVector w1 = FloatVector.broadcast(FLOATS, a[aAt + i1 * iStep]);
                    FloatVector w2 = FloatVector.broadcast(FLOATS, a[aAt + i2 * iStep]);
                    FloatVector w3 = FloatVector.broadcast(FLOATS, a[aAt + i3 * iStep]);
                    c00 = b0.fma(w0, c00);
                    c01 = b1.fma(w0, c01);
                    c10 = b0.fma(w1, c10);
                    c11 = b1.fma(w1, c11);
                    c20 = b0.fma(w2, c20);
                    c21 = b1.fma(w2, c21);
                    c30 = b0.fma(w3, c30);
                    c31 = b1.fma(w3, c31);
                }
                // Write the repeated edge rows first so the real row's store comes last.
                c30.intoArray(c, cOff + i3 * ldc + j0, m0);
                c31.intoArray(c, cOff + i3 * ldc + j0 + L, m1);
                c20.intoArray(c, cOff + i2 * ldc + j0, m0);
                c21.intoArray(c, cOff + i2 * ldc + j0 + L, m1);
                c10.intoArray(c, cOff + i1 * ldc + j0, m0);
                c11.intoArray(c, cOff + i1 * ldc + j0 + L, m1);
                c00.intoArray(c, cOff + i0 * ldc + j0, m0);
                c01.intoArray(c, cOff + i0 * ldc + j0 + L, m1);
            }
        }
    }

    private static FloatVector start(float[] c, int at, VectorMask<Float> m, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, c, at, m) : FloatVector.zero(FLOATS);
    }

    // C[i, j] (+)= dot(A[i, :], B[j, :]) for a 2 x 2 tile of (i, j)
    private static void dotTiles(int m, int n, int k, float[] a, int aOff, int lda,
                                 float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i0 = 0; i0 < m; i0 += 2) {
            int i1 = Math.min(i0 + 1, m - 1);
            int a0 = aOff + i0 * lda;
            int a1 = aOff + i1 * lda;
            for (int j0 = 0; j0 < n; j0 += 2) {
                int j1 = Math.min(j0 + 1, n - 1);
                int b0 = bOff + j0 * ldb;
                int b1 = bOff + j1 * ldb;
                FloatVector s00 = FloatVector.zero(FLOATS);
                FloatVector s01 = FloatVector.zero(FLOATS);
                FloatVector s10 = FloatVector.zero(FLOATS);
                FloatVector s11 = FloatVector.zero(FLOATS);
                // Full vectors along k, then one masked step for the rest (zeros in the masked-off
                // lanes add nothing); the same steps for every element.
                int p = 0;
                for (; p + L <= k; p += L) {
                    FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p);
                    FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p);
                    FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p);
                    FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                }
                if (p < k) {
                    VectorMask<Float> mp = FLOATS.indexInRange(p, k);
                    FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p, mp);
                    FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p, mp);
                    FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p, mp);
                    FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p, mp);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                }
                int c0 = cOff + i0 * ldc;
                int c1 = cOff + i1 * ldc;
                set(c, c0 + j0, Lanes.sum(s00), accumulate);
                setIf(j1 > j0, c, c0 + j1, Lanes.sum(s01), accumulate);
                if (i1 > i0) {
                    set(c, c1 + j0, Lanes.sum(s10), accumulate);
                    setIf(j1 > j0, c, c1 + j1, Lanes.sum(s11), accumulate);
                }
            }
        }
    }

    private static void setIf(boolean real, float[] c, int at, float sum, boolean accumulate) {
        if (real) {
            set(c, at, sum, accumulate);
        }
    }

    // C[i0 .. i0 + L, j] (+)= sum_p Aᵀ[i0 .. i0 + L, p] * Bᵀ[p, j] for four columns j
    private static void columnsOfC(int m, int n, int k, float[] a, int aOff, int lda,
                                   float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i0 = 0; i0 < m; i0 += L) {
            VectorMask<Float> mi = FLOATS.indexInRange(i0, m);
            int rows = Math.min(L, m - i0);
            for (int j0 = 0; j0 < n; j0 += 4) {
                int j1 = Math.min(j0 + 1, n - 1);
                int j2 = Math.min(j0 + 2, n - 1);
                int j3 = Math.min(j0 + 3, n - 1);
                FloatVector s0 = FloatVector.zero(FLOATS);
                FloatVector s1 = s0;
                FloatVector s2 = s0;
                FloatVector s3 = s0;
                for (int p = 0; p < k; p++) {
                    FloatVector col = FloatVector.fromArray(FLOATS, a, aOff + p * lda + i0, mi);
                    s0 = col.fma(FloatVector.broadcast(FLOATS, b[bOff + j0 * ldb + p]), s0);
                    s1 = col.fma(FloatVector.broadcast(FLOATS, b[bOff + j1 * ldb + p]), s1);
                    s2 = col.fma(FloatVector.broadcast(FLOATS, b[bOff + j2 * ldb + p]), s2);
                    s3 = col.fma(FloatVector.broadcast(FLOATS, b[bOff + j3 * ldb + p]), s3);
                }
                int cols = Math.min(4, n - j0);
                for (int l = 0; l < rows; l++) {
                    int at = cOff + (i0 + l) * ldc;
                    set(c, at + j0, s0.lane(l), accumulate);
                    if (cols > 1) {
                        set(c, at + j1, s1.lane(l), accumulate);
                    }
                    if (cols > 2) {
                        set(c, at + j2, s2.lane(l), accumulate);
                    }
                    if (cols > 3) {
                        set(c, at + j3, s3.lane(l), accumulate);
                    }
                }
            }
        }
    }

    private static void set(float[] c, int at, float sum, boolean accumulate) {
        c[at] = accumulate ? c[at] + sum : sum;
    }
}
