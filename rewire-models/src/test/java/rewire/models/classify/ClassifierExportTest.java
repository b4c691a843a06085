package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.io.ReferenceBatch;
import rewire.io.SafeTensor;
import rewire.io.Safetensors;
import rewire.io.SparseImport;
import rewire.io.TorchLayout;
import rewire.io.TorchSafetensors;
import rewire.kernel.Kernels;
import rewire.models.OnnxRuntimeCheck;
import rewire.nn.SparseLinear;
import rewire.tensor.Rng;

/**
 * MLP and CNN classifiers leave Rewire and come back: ONNX Runtime computes the logits Rewire
 * computes from the exported graph (dense and sparse layers, convolutions, pooling), and weights
 * exported as safetensors and imported into a freshly built model give the same logits.
 */
class ClassifierExportTest {
    @TempDir
    Path dir;

    @Test
    void onnxRuntimeComputesRewiresLogitsForMlpsAndCnns() throws Exception {
        for (List<String> model : List.of(List.of("sparsity.recipe=dense"), List.of("sparsity.density=0.3"),
                List.of("model.arch=cnn", "model.channels=[3,4]", "model.kernel=3", "model.hidden=[6]",
                        "sparsity.density=0.5"))) {
            ClassificationWorkload w = workload(model, 1);
            OnnxRuntimeCheck.randomize(w.params(), 0.5, new Rng(11));
            ReferenceBatch reference = w.reference(5, 0);
            assertEquals(5, reference.input().shape()[0], model.toString());
            OnnxRuntimeCheck.agrees(w.onnxGraph(0), reference);
        }
    }

    @Test
    void pytorchNamesAndShapesWithSparseWeightsAlsoAsCsrTriplets() throws IOException {
        ClassificationWorkload w = workload(List.of("model.arch=cnn", "model.channels=[3]", "model.kernel=3",
                "model.hidden=[6]", "sparsity.density=0.5"), 1);
        TorchLayout layout = w.torchLayout(0);
        assertEquals(List.of("conv1.weight", "conv1.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
                layout.entries().stream().map(TorchLayout.Entry::name).toList());
        assertArrayEquals(new int[] {3, 1, 3, 3}, layout.entry("conv1.weight").shape());
        assertArrayEquals(new int[] {6, 3 * 14 * 14}, layout.entry("fc1.weight").shape());
        Path file = dir.resolve("cnn.safetensors");
        TorchSafetensors.write(file, layout);
        Safetensors.Contents contents = Safetensors.read(file);
        SparseLinear conv = w.group().sparseLayers().get(0);
        assertArrayEquals(conv.weight().pattern().rowPtr(),
                ((SafeTensor.I32) contents.tensors().get("conv1.weight.crow_indices")).data());
        assertArrayEquals(conv.weight().values(),
                ((SafeTensor.F32) contents.tensors().get("conv1.weight.values")).data());
        assertEquals("[3,9]", contents.metadata().get("conv1.weight.size"));
        assertEquals("pt", contents.metadata().get("format"));
        float[] dense = ((SafeTensor.F32) contents.tensors().get("conv1.weight")).data();
        int[] ptr = conv.weight().pattern().rowPtr();
        int[] cols = conv.weight().pattern().colIdx();
        for (int e = ptr[1]; e < ptr[2]; e++) {   // row 1 of (Cout, Cin·k·k) is output channel 1
            assertEquals(conv.weight().values()[e], dense[9 + cols[e]]);
        }
    }

    @Test
    void importedWeightsGiveTheExportingModelsLogits() throws IOException {
        List<String> sparse = List.of("model.hidden=[12,8]", "sparsity.density=0.3");
        ClassificationWorkload source = workload(sparse, 1);
        OnnxRuntimeCheck.randomize(source.params(), 0.5, new Rng(3));
        Path file = dir.resolve("mlp.safetensors");
        TorchSafetensors.write(file, source.torchLayout(0));
        // another seed draws other patterns with the same number of entries per layer (ERK)
        ClassificationWorkload target = workload(sparse, 2);
        assertNotEquals(source.group().sparseLayers().get(0).weight().pattern(),
                target.group().sparseLayers().get(0).weight().pattern());
        TorchSafetensors.read(file, target.torchLayout(0), SparseImport.MAGNITUDE);
        assertEquals(source.group().sparseLayers().get(0).weight().pattern(),
                target.group().sparseLayers().get(0).weight().pattern(),
                "the largest weights are the source's entries");
        OnnxRuntimeCheck.sameOutputs(source.reference(4, 0), target.reference(4, 0));
        // a dense model takes the sparse one's dense tensors as they are
        ClassificationWorkload dense = workload(List.of("model.hidden=[12,8]", "sparsity.recipe=dense"), 2);
        TorchSafetensors.read(file, dense.torchLayout(0), SparseImport.PATTERN);
        assertArrayEquals(source.reference(4, 0).output().data(), dense.reference(4, 0).output().data(), 1e-5f);
    }

    static ClassificationWorkload workload(List<String> overrides, long seed) {
        List<String> all = new ArrayList<>(List.of("seed=" + seed, "data.batchSize=8", "model.hidden=[7]"));
        all.addAll(overrides);
        ClassifyConfig config = Config.load(ClassifyConfig.class, all);
        return (ClassificationWorkload) ClassifyRuns.spec(config, TrainingRunTest.syntheticImages(new Rng(5), 16, 10),
                Kernels.defaults()).workload();
    }

}
