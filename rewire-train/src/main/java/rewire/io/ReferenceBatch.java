package rewire.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A few held-out inputs and what Rewire's model computes on them, in the batch-major layout of the
 * exported model ({@link TorchLayout}, ONNX): the file a loader in another framework checks
 * itself against. Written as safetensors with the tensors {@code input} (F32 features or images,
 * or I32 token ids) and {@code output} (F32 logits).
 *
 * @param input  {@code (B, ...)} as the exported model takes it
 * @param output {@code (B, ...)} the model's logits on {@code input}
 */
public record ReferenceBatch(SafeTensor input, SafeTensor.F32 output) {
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    public ReferenceBatch {
        if (input.shape().length == 0 || output.shape().length == 0 || input.shape()[0] != output.shape()[0]) {
            throw new IllegalArgumentException("a reference batch needs inputs and outputs of one batch size, got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(output.shape()));
        }
    }

    /** Writes the batch to {@code file}, atomically, with {@code metadata} in the header. */
    public void write(Path file, Map<String, String> metadata) throws IOException {
        Map<String, SafeTensor> tensors = new LinkedHashMap<>();
        tensors.put(INPUT, input);
        tensors.put(OUTPUT, output);
        Safetensors.write(file, tensors, metadata);
    }

    /**
     * Reads a batch that {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the file when a tensor is missing or output is not F32
     */
    public static ReferenceBatch read(Path file) throws IOException {
        Map<String, SafeTensor> tensors = Safetensors.read(file).tensors();
        SafeTensor in = tensors.get(INPUT);
        if (in == null || !(tensors.get(OUTPUT) instanceof SafeTensor.F32 out)) {
            throw new IllegalArgumentException(file + " is not a reference batch: it needs the tensors '" + INPUT
                    + "' and '" + OUTPUT + "' (F32), it has " + tensors.keySet());
        }
        return new ReferenceBatch(in, out);
    }
}
