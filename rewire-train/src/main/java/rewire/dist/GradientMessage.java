package rewire.dist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepResult;
import rewire.train.Workload;

/**
 * The message of a shard's gradient round (a step whose update and topology change the driver
 * applies): the step's result, every parameter's gradient (nnz floats for a sparse weight), and
 * each sparse layer's batch, its input {@code (in, b)} and output gradient {@code (out, b)} for the
 * shard's {@code b} examples, from which the driver scores gradient growth on the whole batch.
 * That is {@code b·(in + out)} floats per layer, where the dense gradient a worker could send
 * instead is {@code in·out}: smaller whenever {@code b < in·out / (in + out)} (500 for a
 * 1000 x 1000 layer). Arrays go in the order of the driver's model; they are never compressed.
 */
final class GradientMessage {
    private GradientMessage() {
    }

    static byte[] encode(GradientUpdate update, Workload replica) {
        MessageWriter out = new MessageWriter();
        StepResults.write(out, List.of(update.step()));
        for (Param p : replica.params()) {
            float[] g = update.gradients().get(p.name());
            out.writeInt(g.length).writeFloats(g);
        }
        for (ParamGroup group : replica.groups()) {
            for (SparseLinear l : group.sparseLayers()) {
                SparseLinear.LastBatch b = update.batches().get(l.weight().name());
                out.writeByte(b == null ? 0 : 1);
                if (b != null) {
                    writeTensor(out, b.input());
                    writeTensor(out, b.outputGrad());
                }
            }
        }
        return out.toBytes();
    }

    /** Reads a message of {@code shard} against the driver's model. */
    static GradientUpdate decode(byte[] bytes, Shard shard, Workload driver) {
        MessageReader in = new MessageReader(bytes);
        List<StepResult> steps = StepResults.read(in);
        if (steps.size() != 1) {
            throw new IllegalStateException("shard " + shard.index() + " reported " + steps.size() + " steps for one");
        }
        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (Param p : driver.params()) {
            float[] g = new float[in.readInt()];
            if (g.length != p.size()) {
                throw new IllegalStateException("shard " + shard.index() + " sent " + g.length + " gradients for "
                        + p.name() + " of " + p.size());
            }
            in.readFloats(g);
            gradients.put(p.name(), g);
        }
        Map<String, SparseLinear.LastBatch> batches = new LinkedHashMap<>();
        for (ParamGroup group : driver.groups()) {
            for (SparseLinear l : group.sparseLayers()) {
                if (in.readByte() != 0) {
                    batches.put(l.weight().name(), new SparseLinear.LastBatch(readTensor(in), readTensor(in)));
                }
            }
        }
        if (!in.atEnd()) {
            throw new IllegalStateException("shard " + shard.index() + "'s message has bytes left over");
        }
        return new GradientUpdate(shard, steps.get(0), gradients, batches);
    }

    private static void writeTensor(MessageWriter out, Tensor t) {
        out.writeInt(t.rows()).writeInt(t.cols()).writeFloats(t.data());
    }

    private static Tensor readTensor(MessageReader in) {
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows < 0 || cols < 0) {
            throw new IllegalStateException("corrupt shard message: a batch of " + rows + " x " + cols);
        }
        float[] data = new float[Math.multiplyExact(rows, cols)];
        in.readFloats(data);
        return Tensor.wrap(data, rows, cols);
    }
}
