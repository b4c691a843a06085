package rewire.sparsity.ch;

import java.util.Arrays;
import rewire.sparse.SparsityPattern;

/**
 * Chain removal of CHT (Zhang et al., NeurIPS 2025, arXiv 2501.19107; METHODS E.2): after link
 * removal, a hidden neuron left without outgoing links cannot influence the output and one left
 * without incoming links carries no signal, so its remaining links on the other side are removed
 * too. Applied between removal and regrowth; the patterns returned here feed
 * {@code Remap.between(old, new)}.
 *
 * <p>For one pair of layers: first the incoming links of neurons with no outgoing link go, then
 * the outgoing links of neurons with no incoming link; afterwards every hidden neuron has links
 * on both sides or on neither. Along a deeper chain the reference applies this pair by pair, once,
 * without iterating to a fixpoint; callers do the same.
 */
public final class ChainRemoval {
    private ChainRemoval() {
    }

    /** Two patterns after chain removal. */
    public record Pair(SparsityPattern first, SparsityPattern second) {
    }

    /**
     * Consecutive layers {@code x -> h -> y}.
     *
     * <pre>
     * first : (hidden, in)   second : (out, hidden)
     * </pre>
     */
    public static Pair consecutive(SparsityPattern first, SparsityPattern second) {
        if (first.rows() != second.cols()) {
            throw new IllegalArgumentException("chain removal needs first (hidden x in) and second (out x hidden) to"
                    + " share the hidden layer: first is " + first.rows() + " x " + first.cols() + ", second "
                    + second.rows() + " x " + second.cols());
        }
        boolean[] hasOutput = new boolean[first.rows()];
        for (int h : second.colIdx()) {
            hasOutput[h] = true;
        }
        SparsityPattern keptFirst = keepRows(first, hasOutput);
        boolean[] hasInput = nonEmptyRows(keptFirst);
        return new Pair(keptFirst, keepColumns(second, hasInput));
    }

    /**
     * Chain removal along an MLP's sparse layers, in order, each feeding the next: pair by pair from
     * the input side, once, as the reference does.
     *
     * @throws IllegalArgumentException when a layer does not feed the next (its rows are not the next
     *     layer's columns), naming both shapes: chain removal is for plain MLPs
     */
    public static SparsityPattern[] alongMlp(SparsityPattern[] layers) {
        SparsityPattern[] out = layers.clone();
        for (int l = 0; l + 1 < out.length; l++) {
            if (out[l].rows() != out[l + 1].cols()) {
                throw new IllegalArgumentException("chain removal needs sparse layers that feed each other in order (a"
                        + " plain MLP): layer " + l + " is " + out[l].rows() + " x " + out[l].cols() + ", layer "
                        + (l + 1) + " is " + out[l + 1].rows() + " x " + out[l + 1].cols());
            }
            Pair p = consecutive(out[l], out[l + 1]);
            out[l] = p.first();
            out[l + 1] = p.second();
        }
        return out;
    }

    /**
     * The query and key projections of one attention head group, whose row {@code d} meet in
     * the dot product {@code q_d · k_d}: a query row is removed when its key row is empty, then a
     * key row when its query row is empty.
     *
     * <pre>
     * query : (d, in)   key : (d, in')
     * </pre>
     */
    public static Pair queryKey(SparsityPattern query, SparsityPattern key) {
        if (query.rows() != key.rows()) {
            throw new IllegalArgumentException("query and key projections need the same number of rows, got "
                    + query.rows() + " x " + query.cols() + " and " + key.rows() + " x " + key.cols());
        }
        SparsityPattern keptQuery = keepRows(query, nonEmptyRows(key));
        return new Pair(keptQuery, keepRows(key, nonEmptyRows(keptQuery)));
    }

    private static boolean[] nonEmptyRows(SparsityPattern p) {
        boolean[] out = new boolean[p.rows()];
        for (int r = 0; r < p.rows(); r++) {
            out[r] = p.rowEnd(r) > p.rowStart(r);
        }
        return out;
    }

    private static SparsityPattern keepRows(SparsityPattern p, boolean[] keep) {
        int[] ptr = new int[p.rows() + 1];
        int[] idx = new int[p.nnz()];
        int n = 0;
        for (int r = 0; r < p.rows(); r++) {
            if (keep[r]) {
                for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                    idx[n++] = p.colIdx()[e];
                }
            }
            ptr[r + 1] = n;
        }
        return n == p.nnz() ? p : SparsityPattern.of(p.rows(), p.cols(), ptr, Arrays.copyOf(idx, n));
    }

    private static SparsityPattern keepColumns(SparsityPattern p, boolean[] keep) {
        int[] ptr = new int[p.rows() + 1];
        int[] idx = new int[p.nnz()];
        int n = 0;
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                int c = p.colIdx()[e];
                if (keep[c]) {
                    idx[n++] = c;
                }
            }
            ptr[r + 1] = n;
        }
        return n == p.nnz() ? p : SparsityPattern.of(p.rows(), p.cols(), ptr, Arrays.copyOf(idx, n));
    }
}
