package rewire.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.nn.DenseParam;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Weights under PyTorch's names: a sparse weight is written dense and as CSR triplets, an import
 * places dense weights at a sparse layer's pattern or by magnitude, and every mismatch names the
 * file and the tensor and leaves the model unchanged.
 */
class TorchSafetensorsTest {
    @TempDir
    Path dir;

    // a 2 x 3 sparse weight with entries (0, 1) = 1, (1, 0) = 2, (1, 2) = 3, and a bias of 2
    private final SparseParam weight = new SparseParam("fc.weight", new CsrMatrix(
            SparsityPattern.of(2, 3, new int[] {0, 1, 3}, new int[] {1, 0, 2}), new float[] {1, 2, 3}));
    private final DenseParam bias = new DenseParam("fc.bias", Tensor.of(new float[] {0.5f, -0.5f}, 2));

    private TorchLayout layout(SparseParam w, DenseParam b) {
        return new TorchLayout(List.of(new TorchLayout.Entry("layer.weight", w, new int[] {2, 3}),
                new TorchLayout.Entry("layer.bias", b, new int[] {2})), Map.of("rewire.model", "{}"));
    }

    @Test
    void sparseWeightsAreWrittenDenseAndAsCsrTriplets() throws IOException {
        Path file = dir.resolve("m.safetensors");
        TorchSafetensors.write(file, layout(weight, bias));
        Safetensors.Contents c = Safetensors.read(file);
        assertEquals(List.of("layer.weight", "layer.weight.crow_indices", "layer.weight.col_indices",
                "layer.weight.values", "layer.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new float[] {0, 1, 0, 2, 0, 3}, ((SafeTensor.F32) c.tensors().get("layer.weight")).data());
        assertArrayEquals(new int[] {0, 1, 3}, ((SafeTensor.I32) c.tensors().get("layer.weight.crow_indices")).data());
        assertArrayEquals(new int[] {1, 0, 2}, ((SafeTensor.I32) c.tensors().get("layer.weight.col_indices")).data());
        assertEquals(Map.of("format", "pt", "rewire.model", "{}", "layer.weight.size", "[2,3]"), c.metadata());
    }

    @Test
    void aSparseLayerTakesDenseWeightsAtItsPatternOrByMagnitude() throws IOException {
        Path file = write(Map.of("layer.weight", f32(new float[] {9, 8, -7, 6, 5, -40}, 2, 3),
                "layer.bias", f32(new float[] {1, 2}, 2)));
        SparseParam atPattern = copy(weight);
        DenseParam b = new DenseParam("b", Tensor.zeros(2));
        TorchSafetensors.read(file, layout(atPattern, b), SparseImport.PATTERN);
        assertEquals(weight.pattern(), atPattern.pattern());
        assertArrayEquals(new float[] {8, 6, -40}, atPattern.values());
        assertArrayEquals(new float[] {1, 2}, b.values());

        SparseParam byMagnitude = copy(weight);
        TorchSafetensors.read(file, layout(byMagnitude, b), SparseImport.MAGNITUDE);
        // the three largest |w|: -40 at (1, 2), 9 at (0, 0), 8 at (0, 1)
        assertEquals(SparsityPattern.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 1, 2}), byMagnitude.pattern());
        assertArrayEquals(new float[] {9, 8, -40}, byMagnitude.values());
    }

    @Test
    void aMismatchNamesTheFileAndTensorAndChangesNothing() throws IOException {
        SafeTensor.F32 goodWeight = f32(new float[6], 2, 3);
        assertFails(Map.of("layer.weight", goodWeight), "tensor 'layer.bias' (Rewire's fc.bias) is missing");
        assertFails(Map.of("layer.weight", goodWeight, "layer.bias", new SafeTensor.I32(new int[] {2}, new int[2])),
                "tensor 'layer.bias' (Rewire's fc.bias) is I32, expected F32");
        assertFails(Map.of("layer.weight", f32(new float[6], 3, 2), "layer.bias", f32(new float[2], 2)),
                "tensor 'layer.weight' (Rewire's fc.weight) has shape [3, 2] in the file, the model needs [2, 3]");
        assertFails(Map.of("layer.weight", goodWeight, "layer.bias", f32(new float[2], 2), "head.weight",
                f32(new float[1], 1)), "holds tensors the model does not have: [head.weight]");
    }

    private void assertFails(Map<String, SafeTensor> tensors, String message) throws IOException {
        Path file = write(tensors);
        SparseParam w = copy(weight);
        DenseParam b = new DenseParam("fc.bias", bias.value().copy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchSafetensors.read(file, layout(w, b), SparseImport.MAGNITUDE));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(message), e.getMessage());
        assertArrayEquals(weight.values(), w.values(), "the model is unchanged");
        assertArrayEquals(bias.values(), b.values(), "the model is unchanged");
    }

    private Path write(Map<String, SafeTensor> tensors) throws IOException {
        Path file = dir.resolve("in-" + tensors.hashCode() + ".safetensors");
        Safetensors.write(file, new LinkedHashMap<>(tensors), Map.of());
        return file;
    }

    private static SafeTensor.F32 f32(float[] data, int... shape) {
        return new SafeTensor.F32(shape, data);
    }

    private static SparseParam copy(SparseParam p) {
        return new SparseParam(p.name(), p.weight().copy());
    }
}
