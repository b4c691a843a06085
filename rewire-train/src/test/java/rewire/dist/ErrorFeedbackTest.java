package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * Error feedback over many rounds of two shards, driven through the messages the driver really
 * reads, with changes that are multiples of 1/16 so that every sum below is exact in floats.
 *
 * <p>The defining property (Seide et al. 2014; Karimireddy et al. 2019): per connection, what the
 * driver's weight received plus the mean of the shards' residuals is the mean of the shards' true
 * changes, exactly, whatever the compression left out, through a topology change. The stated
 * choice for a pruned connection: its residual is dropped with it (its weight is gone, so is the
 * change still owed to it); a grown connection starts with no residual.
 *
 * <p>An optimizer slot (momentum) is a state, not a sum of increments: a shard recomputes its
 * change from the driver's slot, so a change the driver did not receive comes back in the next
 * round's change by itself; feeding it back as well would add it twice, undecayed, and the
 * momentum would grow without bound.
 */
class ErrorFeedbackTest {
    private static final int ROWS = 4;
    private static final int COLS = 6;

    // the pattern of the given cells (r * COLS + c), in increasing order
    private static SparsityPattern pattern(int... cells) {
        int[] rowPtr = new int[ROWS + 1];
        int[] colIdx = new int[cells.length];
        for (int e = 0; e < cells.length; e++) {
            rowPtr[cells[e] / COLS + 1]++;
            colIdx[e] = cells[e] % COLS;
        }
        for (int r = 0; r < ROWS; r++) {
            rowPtr[r + 1] += rowPtr[r];
        }
        return SparsityPattern.of(ROWS, COLS, rowPtr, colIdx);
    }

    // the cell of each entry of p
    private static int[] cells(SparsityPattern p) {
        int[] out = new int[p.nnz()];
        for (int r = 0; r < ROWS; r++) {
            for (int e = p.rowPtr()[r]; e < p.rowPtr()[r + 1]; e++) {
                out[e] = r * COLS + p.colIdx()[e];
            }
        }
        return out;
    }

    private static Snapshot snapshot(List<Param> params, Slots slots, long step) {
        Checkpoint.Builder b = Checkpoint.builder();
        ParamState.putParams(b, params);
        ParamState.putSlots(b, params, slots);
        return new Snapshot(step, b.build());
    }

    private static float sixteenths(Rng rng) {
        return (rng.nextInt(33) - 16) / 16f;
    }

    @Test
    void sentPlusResidualIsEveryTrueChangeExactlyAcrossRoundsAveragingAndATopologyChange() {
        // 12 of 24 connections; at round 20, (0,1) (1,3) (2,0) are pruned and (0,2) (1,4) (3,5) grown
        SparsityPattern before = pattern(0, 1, 4, 7, 9, 12, 14, 15, 17, 19, 20, 22);
        SparsityPattern after = pattern(0, 2, 4, 7, 10, 14, 15, 17, 19, 20, 22, 23);
        SparseParam w = new SparseParam("w", CsrMatrix.zeros(before));
        List<Param> params = List.of(w);
        Slots slots = new Slots();
        Compression c = new Compression(Compression.Method.TOPK, 0.25, true);
        RoundTask task = new RoundTask(RoundTask.Kind.LOCAL, 1, new int[] {0, 1}, 2, ClientSplit.BATCH, c, 3);
        ShardState[] states = {ShardState.empty(), ShardState.empty()};
        Map<Integer, Float> owed = new HashMap<>();  // per cell: the driver's weight had every change arrived
        Rng rng = new Rng(11);
        int rounds = 40;
        boolean residualsCrossedTheChange = false;
        for (int round = 0; round < rounds; round++) {
            if (round == 20) {
                Remap remap = Remap.between(before, after);
                w.remap(remap, null);
                for (int cell : cells(before)) {
                    if (!after.contains(cell / COLS, cell % COLS)) {
                        owed.remove(cell);  // the stated choice: pruned, its residual goes with it
                    }
                }
                for (ShardState s : states) {
                    float[] moved = s.residual(ShardState.valuesKey(w), w);
                    int[] now = cells(after);
                    for (int e = 0; e < now.length; e++) {
                        if (!before.contains(now[e] / COLS, now[e] % COLS)) {
                            assertEquals(0f, moved[e], "grown connection " + now[e] + " starts with no residual");
                        } else if (moved[e] != 0) {
                            residualsCrossedTheChange = true;
                        }
                    }
                }
                // the driver's own (rewiring) step changes the weights, uncompressed
                for (int e = 0; e < w.size(); e++) {
                    float d = sixteenths(rng);
                    w.values()[e] += d;
                    owed.merge(cells(after)[e], d, Float::sum);
                }
            }
            Snapshot snap = snapshot(params, slots, round);
            int[] cellOf = cells(w.pattern());
            List<LocalUpdate> updates = new ArrayList<>();
            float[] meanChange = new float[w.size()];
            for (int s = 0; s < 2; s++) {
                float[] next = w.values().clone();
                for (int e = 0; e < next.length; e++) {
                    float d = sixteenths(rng);
                    next[e] += d;
                    meanChange[e] += d / 2;
                }
                LocalUpdate u = new LocalUpdate(task.shard(s), List.of(), Map.of("w", next), Map.of("w", Map.of()));
                LocalMessage.Encoded enc = LocalMessage.encode(u, params, snap, task, s, states[s]);
                states[s] = enc.next();
                updates.add(LocalMessage.decode(enc.bytes(), task.shard(s), params, slots, c).update());
            }
            float[] mean = ShardMeans.mean(updates.stream().map(u -> u.values().get("w")).toList());
            System.arraycopy(mean, 0, w.values(), 0, mean.length);
            for (int e = 0; e < cellOf.length; e++) {
                owed.merge(cellOf[e], meanChange[e], Float::sum);
            }
            float[] r0 = states[0].residual(ShardState.valuesKey(w), w);
            float[] r1 = states[1].residual(ShardState.valuesKey(w), w);
            for (int e = 0; e < cellOf.length; e++) {
                assertEquals(owed.get(cellOf[e]), w.values()[e] + (r0[e] + r1[e]) / 2,
                        "round " + round + ", connection " + cellOf[e]);
            }
            assertEquals(cellOf.length, owed.size(), "only the current connections are owed anything");
        }
        assertTrue(residualsCrossedTheChange, "kept connections carried residuals through the topology change");
    }

    @Test
    void errorFeedbackDoesNotFeedBackAMomentumSlotsChangeWhichTheNextRoundRecomputes() {
        // momentum 0.5 and a gradient of 1 everywhere: the true buffer rises to 1 / (1 - 0.5) = 2 and never past it
        SparsityPattern p = pattern(0, 1, 4, 7, 9, 12, 14, 15, 17, 19, 20, 22);
        SparseParam w = new SparseParam("w", CsrMatrix.zeros(p));
        List<Param> params = List.of(w);
        Slots slots = new Slots();
        slots.put(w, "momentum", new float[w.size()]);
        Compression c = new Compression(Compression.Method.TOPK, 1.0 / 12, true);
        RoundTask task = new RoundTask(RoundTask.Kind.LOCAL, 1, new int[] {0}, 1, ClientSplit.BATCH, c, 3);
        ShardState state = ShardState.empty();
        float largest = 0;
        for (int round = 0; round < 36; round++) {
            Snapshot snap = snapshot(params, slots, round);
            float[] buffer = slots.get(w, "momentum").clone();
            float[] values = w.values().clone();
            for (int e = 0; e < buffer.length; e++) {
                buffer[e] = 0.5f * buffer[e] + 1f;
                values[e] -= 0.0625f * buffer[e];
            }
            LocalUpdate u = new LocalUpdate(task.shard(0), List.of(), Map.of("w", values),
                    Map.of("w", Map.of("momentum", buffer)));
            LocalMessage.Encoded enc = LocalMessage.encode(u, params, snap, task, 0, state);
            state = enc.next();
            LocalUpdate read = LocalMessage.decode(enc.bytes(), task.shard(0), params, slots, c).update();
            System.arraycopy(read.values().get("w"), 0, w.values(), 0, w.size());
            float[] driven = read.slots().get("w").get("momentum");
            System.arraycopy(driven, 0, slots.get(w, "momentum"), 0, w.size());
            for (float b : driven) {
                largest = Math.max(largest, Math.abs(b));
            }
        }
        assertTrue(largest <= 2f, "the driver's momentum reached " + largest + ", past the bound 2 of the true buffer");
        assertFalse(state.residuals().containsKey(ShardState.slotKey(w, "momentum")), "no residual for a slot");
        assertTrue(state.residuals().containsKey(ShardState.valuesKey(w)), "the values keep theirs");
    }
}
