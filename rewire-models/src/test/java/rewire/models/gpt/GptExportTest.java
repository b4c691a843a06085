package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Json;
import rewire.io.ReferenceBatch;
import rewire.io.SparseImport;
import rewire.io.TorchLayout;
import rewire.io.TorchSafetensors;
import rewire.kernel.Kernels;
import rewire.models.OnnxRuntimeCheck;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.tensor.Rng;
import rewire.train.SparsitySettings;

/**
 * The GPT leaves Rewire under nanoGPT's names and as an ONNX graph for its context length: ONNX
 * Runtime computes Rewire's logits with dense and sparse layers, under causal attention and inside
 * MST's sparse-attention window, and imported weights give the exporting model's logits.
 */
class GptExportTest {
    @TempDir
    Path dir;

    @Test
    void onnxRuntimeComputesRewiresLogitsUnderCausalAndSparseAttention() throws Exception {
        GptWorkload dense = workload(new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE, 1);
        GptWorkload mst = workload(new SparsitySettings("mst", 0.3, List.of()), SparseAttention.LOCAL, 1);
        for (GptWorkload w : List.of(dense, mst)) {
            OnnxRuntimeCheck.randomize(w.params(), 0.3, new Rng(4));
            ReferenceBatch reference = w.reference(2, 0);
            assertArrayEquals(new int[] {2, 8, w.model().vocabSize()}, reference.output().shape());
            OnnxRuntimeCheck.agrees(w.onnxGraph(0), reference);
        }
        // step 8 of 16 is inside the window [0.25, 0.75): the local mask of width 2
        ReferenceBatch windowed = mst.reference(2, 8);
        assertFalse(Arrays.equals(windowed.output().data(), mst.reference(2, 0).output().data()),
                "the window's mask changes the logits");
        OnnxRuntimeCheck.agrees(mst.onnxGraph(8), windowed);
        Map<?, ?> model = (Map<?, ?>) Json.parse(mst.torchLayout(8).metadata().get("rewire.model"));
        assertEquals("{kind=local, width=2}", model.get("attention").toString());
    }

    @Test
    void nanoGptNamesAndShapes() {
        TorchLayout layout = workload(new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE, 1)
                .torchLayout(0);
        assertEquals(List.of("transformer.wte.weight", "transformer.wpe.weight", "transformer.h.0.ln_1.weight",
                "transformer.h.0.attn.c_attn.weight", "transformer.h.0.attn.c_proj.weight",
                "transformer.h.0.ln_2.weight",
                "transformer.h.0.mlp.c_fc.weight", "transformer.h.0.mlp.c_proj.weight", "transformer.ln_f.weight"),
                layout.entries().stream().map(TorchLayout.Entry::name).toList());
        assertArrayEquals(new int[] {24, 8}, layout.entry("transformer.h.0.attn.c_attn.weight").shape());
        assertArrayEquals(new int[] {8, 32}, layout.entry("transformer.h.0.mlp.c_proj.weight").shape());
    }

    @Test
    void importedWeightsGiveTheExportingModelsLogits() throws IOException {
        SparsitySettings sparse = new SparsitySettings("rigl", 0.4, List.of());
        GptWorkload source = workload(sparse, SparseAttention.NONE, 1);
        OnnxRuntimeCheck.randomize(source.params(), 0.3, new Rng(8));
        Path file = dir.resolve("gpt.safetensors");
        TorchSafetensors.write(file, source.torchLayout(0));
        GptWorkload target = workload(sparse, SparseAttention.NONE, 1);   // the same validation blocks
        OnnxRuntimeCheck.randomize(target.params(), 0.3, new Rng(9));
        TorchSafetensors.read(file, target.torchLayout(0), SparseImport.MAGNITUDE);
        OnnxRuntimeCheck.sameOutputs(source.reference(2, 0), target.reference(2, 0));
    }

    private static GptWorkload workload(SparsitySettings sparsity, SparseAttention attention, long seed) {
        GptConfig tiny = GptTraceTest.tiny(sparsity, attention);
        GptConfig config = new GptConfig(tiny.workload(), tiny.name(), seed, tiny.model(), tiny.data(), tiny.train(),
                tiny.optim(), tiny.sparsity());
        return (GptWorkload) GptRuns.spec(config, GptTraceTest.TEXT, Kernels.defaults()).workload();
    }
}
