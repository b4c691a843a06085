package rewire.sparsity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;

/**
 * {@link Scope#GLOBAL}: counts from the model's totals and one ranking over all layers, for
 * pruning (keys of every entry of every layer) and growth (every free position of every layer,
 * streamed through one bounded top-k). Positions are numbered across layers by offsets, so ties
 * still go to the lower position.
 */
final class GlobalRanking {
    private final RewireStep step;
    private final int n;

    GlobalRanking(RewireStep step) {
        this.step = step;
        this.n = step.layers().size();
    }

    void prune(double zeta) {
        long nnz = 0;
        long target = 0;
        for (int l = 0; l < n; l++) {
            nnz += step.before(l).nnz();
            target += step.target(l);
        }
        DropRule.Counts counts = step.config().dropRule().counts(Math.toIntExact(nnz), Math.toIntExact(target), zeta);
        boolean[][] alive = new boolean[n][];
        for (int l = 0; l < n; l++) {
            alive[l] = new boolean[step.before(l).nnz()];
            Arrays.fill(alive[l], true);
        }
        if (counts.shrink() > 0) {
            keepTop(alive, step.shrinkCriterion(), nnz - counts.shrink(), RewireStep.SHRINK);
        }
        keepTop(alive, step.config().prune(), nnz - counts.pruned(), RewireStep.DROP);
        for (int l = 0; l < n; l++) {
            step.setKept(l, Patterns.subset(step.before(l), alive[l]));
        }
    }

    // keeps the `keep` best alive entries over all layers; clears the others
    private void keepTop(boolean[][] alive, PruneCriterion criterion, long keep, int stage) {
        int count = 0;
        for (boolean[] a : alive) {
            for (boolean x : a) {
                count += x ? 1 : 0;
            }
        }
        float[] keys = new float[count];
        int i = 0;
        for (int l = 0; l < n; l++) {
            float[] scores = criterion.scores(step.layers().get(l).param());
            KeyRule rule = criterion.keyRule(step.step());
            var rng = step.rng(l, stage);
            for (int e = 0; e < scores.length; e++) {
                if (alive[l][e]) {
                    keys[i++] = rule.key(scores[e], rng);
                }
            }
        }
        boolean[] kept = Ranking.keepTop(keys, (int) Math.max(0, Math.min(count, keep)));
        i = 0;
        for (boolean[] a : alive) {
            for (int e = 0; e < a.length; e++) {
                if (a[e]) {
                    a[e] = kept[i++];
                }
            }
        }
    }

    Selection[] grow() {
        long total = 0;
        for (int l = 0; l < n; l++) {
            total += step.target(l) - step.kept(l).nnz();
        }
        Selection[] out = new Selection[n];
        Arrays.fill(out, Selection.empty());
        ScoredGrowth scored = step.config().grow().asScored();
        if (total <= 0 || scored == null) {
            return out;
        }
        TopK top = new TopK(Math.toIntExact(total));
        long[] bases = offsets(l -> (long) step.before(l).rows() * step.before(l).cols());
        long[] flops = new long[n];
        for (int l = 0; l < n; l++) {
            ScoreSource source = scored.source(step.layers().get(l), step.kept(l), step.kernels());
            Unstructured.offer(step.exclusion(l), source, scored.rule(), step.rng(l, RewireStep.GROW),
                    step.config().tileFloats(), top, bases[l]);
            flops[l] = source == null ? 0 : source.flops();
        }
        TopK.Result best = top.unordered();
        List<List<Integer>> perLayer = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            perLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < best.size(); i++) {
            perLayer.get(layerOf(bases, best.positions()[i])).add(i);
        }
        for (int l = 0; l < n; l++) {
            List<Integer> picks = perLayer.get(l);
            long[] positions = new long[picks.size()];
            float[] keys = new float[picks.size()];
            for (int k = 0; k < picks.size(); k++) {
                positions[k] = best.positions()[picks.get(k)] - bases[l];
                keys[k] = best.scores()[picks.get(k)];
            }
            out[l] = Selection.unsorted(positions, keys).plusScoringFlops(flops[l]);
        }
        return out;
    }

    private long[] offsets(IntToLongFunction size) {
        long[] bases = new long[n + 1];
        for (int l = 0; l < n; l++) {
            bases[l + 1] = bases[l] + size.applyAsLong(l);
        }
        return bases;
    }

    private static int layerOf(long[] bases, long position) {
        int l = Arrays.binarySearch(bases, position);
        // an exact hit is the first position of layer l; skip empty layers that share the offset
        if (l >= 0) {
            while (l + 1 < bases.length && bases[l + 1] == position) {
                l++;
            }
            return l;
        }
        return -l - 2;
    }
}
