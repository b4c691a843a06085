package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceTableTest {
    private static final List<String> LINES = List.of(
            "torch,mlp,1,1,1,2.0,2.5,500.0,Zen",
            "torch,mlp,1,1,256,100.0,110.0,2560.0,Zen",
            "torch,mlp,1,2,1,4.0,5.0,250.0,Zen",
            "torch,mlp,1,2,256,50.0,55.0,5120.0,Zen",
            "rewire,mlp,0.01,1,1,0.5,0.6,2000.0",
            "rewire,mlp,0.01,1,256,10.0,11.0,25600.0");

    @Test
    void eachRewireRowIsComparedWithPyTorchsBestSettingPerBatchSize() {
        String md = InferenceTable.markdown(InferenceTable.Row.fromCsv(LINES));
        // latency: torch's best is 2.0 ms at 1 thread, 2.0 / 0.5 = 4; throughput: its best is 5120 at 2 threads
        assertTrue(md.contains("| mlp | Rewire | 0.01 | 1 | 0.500 / 0.600 | 25,600 | 4.00x | 5.00x |"), md);
        assertTrue(md.contains("| mlp | PyTorch dense | 1 (dense) | 2 | 4.000 / 5.000 | 5,120 | 0.50x | 1.00x |"), md);
        assertTrue(md.indexOf("PyTorch dense | 1 (dense) | 1 |") < md.indexOf("| Rewire |"), "PyTorch first:\n" + md);
    }

    @Test
    void theGptsTokenRowsShowTokensPerSecondAndTheRecomputingRowsBesideTheCachedOnes() {
        String md = InferenceTable.markdown(InferenceTable.Row.fromCsv(List.of(
                "torch,gpt,1,1,1,1.0,1.2,1000.0,Zen",
                "torch,gpt,1,1,256,32.0,35.0,8000.0,Zen",
                "rewire-recompute,gpt,0.055,1,1,8.0,9.0,125.0",
                "rewire,gpt,0.055,1,1,0.5,0.7,2000.0",
                "rewire,gpt,0.055,1,256,8.0,9.0,32000.0",
                "rewire,gpt,1,1,1,2.0,2.5,500.0")));
        // batch 1's tokens/s in the last column; recomputing has no batch-256 row, its cells stay empty
        assertTrue(md.contains("| gpt | Rewire | 0.055 | 1 | 0.500 / 0.700 | 32,000 | 2.00x | 4.00x | 2,000 |"), md);
        assertTrue(md.contains("| gpt | Rewire, no KV cache | 0.055 | 1 | 8.000 / 9.000 |  | 0.13x |  | 125 |"), md);
        assertTrue(md.indexOf("| Rewire | 1 (dense)") < md.indexOf("| Rewire | 0.055")
                && md.indexOf("| Rewire | 0.055") < md.indexOf("| Rewire, no KV cache | 0.055"), md);
    }

    @Test
    void aShortLineOrAnUnknownSideIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> InferenceTable.Row.fromCsv(List.of("torch,mlp,1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InferenceTable.Row.fromCsv(List.of("jax,gpt,1,1,1,1.0,1.2,1000.0")));
        assertTrue(e.getMessage().contains("'jax'"), e.getMessage());
    }
}
