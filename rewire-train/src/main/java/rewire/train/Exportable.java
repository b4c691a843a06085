package rewire.train;

import rewire.io.ReferenceBatch;
import rewire.io.TorchLayout;
import rewire.io.onnx.OnnxGraph;

/**
 * A workload whose model can leave Rewire and come back (docs/export.md): its weights under the
 * names and in the shapes of the equivalent PyTorch module, its inference graph as ONNX, and a
 * reference batch to check either against. {@code rewire export} writes them from a run's
 * checkpoint; {@code rewire train --init-weights} imports weights through {@link #torchLayout}.
 *
 * <p>Call order: restore the parameters (a checkpoint), switch the modules to evaluation mode, then
 * call any of these; they read the parameters as they are at that moment.
 */
public interface Exportable {

    /**
     * Every parameter under its PyTorch name and shape, and the model's description for a loader
     * as the model was after {@code stepsDone} training steps (a GPT's attention mask); an import
     * reads only the parameters.
     */
    TorchLayout torchLayout(long stepsDone);

    /**
     * The inference graph from the model's input to its logits, weights as initializers, with the
     * behaviour the model had after {@code stepsDone} training steps (a GPT's attention mask).
     */
    OnnxGraph onnxGraph(long stepsDone);

    /**
     * Up to {@code examples} held-out inputs and the model's logits on them after
     * {@code stepsDone} steps, in the batch-major layout of {@link #onnxGraph}'s input and output.
     */
    ReferenceBatch reference(int examples, long stepsDone);
}
