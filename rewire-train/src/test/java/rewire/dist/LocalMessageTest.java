package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.optim.Slots;
import rewire.train.Trainer;

/**
 * A shard's message against the driver's model: uncompressed it carries the round's values
 * exactly; compressed with error feedback, what was sent plus what the shard kept is the whole
 * change of a parameter's values, so nothing is lost, only delayed; an optimizer slot keeps no
 * residual (ErrorFeedbackTest says why).
 */
class LocalMessageTest {

    private static RoundTask task(Compression c) {
        return new RoundTask(RoundTask.Kind.LOCAL, 3, new int[] {0, 1}, 2, ClientSplit.BATCH, c, 5);
    }

    // the driver's model and slots at step 0, and the snapshot of them
    private record Driver(TinyClassifier model, Slots slots, Snapshot snapshot) {
        static Driver start() {
            TinyClassifier model = new TinyClassifier("static", 36);
            Slots slots = new Slots();
            Trainer.initOptimizers(model, slots);
            return new Driver(model, slots, Snapshot.of(model, slots, 0));
        }
    }

    @Test
    void uncompressedTheDriverReadsTheRoundsValuesExactly() {
        Driver d = Driver.start();
        TinyClassifier replica = new TinyClassifier("static", 36);
        RoundTask task = task(Compression.none());
        ShardWork.Result r = ShardWork.run(replica, d.snapshot(), task, 1, ShardState.empty(), Kernels.defaults());
        LocalMessage.Decoded read = LocalMessage.decode(r.message(), task.shard(1), d.model().params(), d.slots(),
                task.compression());
        for (Param p : replica.params()) {
            assertArrayEquals(p.values(), read.update().values().get(p.name()), p.name());
        }
        assertEquals(3, read.update().steps().size());
        assertTrue(r.state().isEmpty(), "nothing kept without compression");
    }

    @Test
    void withErrorFeedbackSentPlusKeptIsTheWholeChange() {
        Driver d = Driver.start();
        TinyClassifier replica = new TinyClassifier("static", 36);
        RoundTask task = task(new Compression(Compression.Method.TOPK, 0.05, true));
        LocalUpdate round = Round.local(replica, d.snapshot(), task.shard(0), task.steps(), Kernels.defaults());
        LocalMessage.Encoded e = LocalMessage.encode(round, replica.params(), d.snapshot(), task, 0, ShardState.empty());
        LocalMessage.Decoded read = LocalMessage.decode(e.bytes(), task.shard(0), d.model().params(), d.slots(),
                task.compression());
        double sentSq = 0;
        double changeSq = 0;
        for (Param p : d.model().params()) {
            float[][] before = {p.values(), d.slots().get(p, "momentum")};
            float[][] after = {round.values().get(p.name()), round.slots().get(p.name()).get("momentum")};
            float[][] sent = {read.update().values().get(p.name()), read.update().slots().get(p.name()).get("momentum")};
            String[] keys = {ShardState.valuesKey(p), ShardState.slotKey(p, "momentum")};
            for (int a = 0; a < 2; a++) {
                float[] kept = e.next().residuals().get(keys[a]);
                assertEquals(a == 0, kept != null, keys[a] + ": only values keep a residual");
                for (int i = 0; i < before[a].length; i++) {
                    float change = after[a][i] - before[a][i];
                    float delivered = sent[a][i] - before[a][i];
                    float left = kept == null ? change - delivered : kept[i];
                    assertEquals(change, delivered + left, 1e-6f * (1 + Math.abs(change)), keys[a] + "[" + i + "]");
                    sentSq += (double) delivered * delivered;
                    changeSq += (double) change * change;
                }
            }
        }
        assertTrue(sentSq > 0 && sentSq < changeSq, "top-5% sends part of the change");
        assertEquals(Math.sqrt(1 - sentSq / changeSq), Math.sqrt(read.errorSq() / read.changeSq()), 1e-3,
                "the reported error is what was left out");
    }

    @Test
    void theNextRoundSendsWhatTheLastOneKept() {
        Driver d = Driver.start();
        TinyClassifier replica = new TinyClassifier("static", 36);
        RoundTask task = task(new Compression(Compression.Method.TOPK, 0.05, true));
        ShardWork.Result first = ShardWork.run(replica, d.snapshot(), task, 0, ShardState.empty(), Kernels.defaults());
        ShardWork.Result again = ShardWork.run(replica, d.snapshot(), task, 0, first.state(), Kernels.defaults());
        ShardWork.Result retried = ShardWork.run(replica, d.snapshot(), task, 0, first.state(), Kernels.defaults());
        assertTrue(!Arrays.equals(first.message(), again.message()), "the residual changes what is sent");
        assertArrayEquals(again.message(), retried.message(), "a retry with the same state sends the same bytes");
    }

    @Test
    void aMessageForAnotherModelIsRefused() {
        Driver d = Driver.start();
        RoundTask task = task(Compression.none());
        ShardWork.Result r = ShardWork.run(new TinyClassifier("static", 36), d.snapshot(), task, 0, ShardState.empty(),
                Kernels.defaults());
        List<Param> fewer = d.model().params().subList(0, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalMessage.decode(r.message(),
                task.shard(0), fewer, d.slots(), task.compression()));
        assertTrue(e.getMessage().contains("the driver's model has"), e.getMessage());
    }
}
