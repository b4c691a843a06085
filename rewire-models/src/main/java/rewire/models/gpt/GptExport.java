package rewire.models.gpt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.autodiff.AttentionMask;
import rewire.io.Json;
import rewire.io.ReferenceBatch;
import rewire.io.SafeTensor;
import rewire.io.TorchLayout;
import rewire.nn.LayerNorm;
import rewire.nn.Param;
import rewire.tensor.Tensor;

/**
 * A {@link GptModel} as PyTorch sees it: nanoGPT's module tree and names (Karpathy's nanoGPT,
 * {@code model.py}, with {@code bias=False}), so a nanoGPT user recognises every tensor:
 * <pre>
 * transformer.wte.weight              (V, d)     Rewire's wte.weight; lm_head.weight is tied to it
 * transformer.wpe.weight              (T, d)     wpe.weight
 * transformer.h.{l}.ln_1.weight       (d,)       h{l}.ln1.gain
 * transformer.h.{l}.attn.c_attn.weight (3d, d)   h{l}.attn.qkv.weight  (queries, keys, values stacked)
 * transformer.h.{l}.attn.c_proj.weight (d, d)    h{l}.attn.proj.weight
 * transformer.h.{l}.ln_2.weight       (d,)       h{l}.ln2.gain
 * transformer.h.{l}.mlp.c_fc.weight   (4d, d)    h{l}.mlp.fc.weight
 * transformer.h.{l}.mlp.c_proj.weight (d, 4d)    h{l}.mlp.proj.weight
 * transformer.ln_f.weight             (d,)       lnf.gain
 * </pre>
 * Two differences from nanoGPT's module, stated in the metadata a loader reads: GELU is the tanh
 * approximation ({@code nn.GELU(approximate="tanh")}), and attention may use a sparse mask (MST's
 * hybrid window) instead of the causal one. The head's weight is not written: it is the token
 * embedding.
 */
final class GptExport {
    private final GptModelSettings settings;
    private final GptModel model;
    private final CharTokenizer tokenizer;

    GptExport(GptModelSettings settings, GptModel model, CharTokenizer tokenizer) {
        this.settings = settings;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    GptModelSettings settings() {
        return settings;
    }

    /** The parameters under nanoGPT's names; the metadata describe the model with attention {@code mask}. */
    TorchLayout torchLayout(AttentionMask mask) {
        Map<String, Param> params = new LinkedHashMap<>();
        model.params().forEach(p -> params.put(p.name(), p));
        int d = settings.width();
        List<TorchLayout.Entry> entries = new ArrayList<>();
        entries.add(entry("transformer.wte.weight", params.get("wte.weight"), tokenizer.vocabSize(), d));
        entries.add(entry("transformer.wpe.weight", params.get("wpe.weight"), settings.blockSize(), d));
        for (int l = 0; l < settings.layers(); l++) {
            String h = "transformer.h." + l + ".";
            String r = "h" + l + ".";
            entries.add(entry(h + "ln_1.weight", params.get(r + "ln1.gain"), d));
            entries.add(entry(h + "attn.c_attn.weight", params.get(r + "attn.qkv.weight"), 3 * d, d));
            entries.add(entry(h + "attn.c_proj.weight", params.get(r + "attn.proj.weight"), d, d));
            entries.add(entry(h + "ln_2.weight", params.get(r + "ln2.gain"), d));
            entries.add(entry(h + "mlp.c_fc.weight", params.get(r + "mlp.fc.weight"), 4 * d, d));
            entries.add(entry(h + "mlp.c_proj.weight", params.get(r + "mlp.proj.weight"), d, 4 * d));
        }
        entries.add(entry("transformer.ln_f.weight", params.get("lnf.gain"), d));
        return new TorchLayout(entries, Map.of("rewire.model", Json.write(description(mask))));
    }

    private Map<String, Object> description(AttentionMask mask) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("family", "gpt");
        description.put("layers", settings.layers());
        description.put("heads", settings.heads());
        description.put("width", settings.width());
        description.put("blockSize", settings.blockSize());
        description.put("vocab", tokenizer.vocabSize());
        description.put("layerNormEps", LayerNorm.EPS);
        description.put("gelu", "tanh");
        description.put("tiedHead", true);
        Map<String, Object> attention = new LinkedHashMap<>();
        attention.put("kind", mask.kind().name().toLowerCase(Locale.ROOT));
        attention.put("width", mask.width());
        description.put("attention", attention);
        description.put("codePoints", tokenizer.codePoints());
        return description;
    }

    /**
     * The batch-major reference of {@code tokens} ({@code B} sequences of {@code T}, row-major) and
     * their logits {@code (V, B·T)}: input {@code (B, T)} token ids, output {@code (B, T, V)}.
     */
    ReferenceBatch reference(int[] tokens, Tensor logits) {
        int t = settings.blockSize();
        int b = tokens.length / t;
        return new ReferenceBatch(new SafeTensor.I32(new int[] {b, t}, tokens),
                new SafeTensor.F32(new int[] {b, t, logits.rows()}, logits.transpose().data()));
    }

    private static TorchLayout.Entry entry(String name, Param param, int... shape) {
        return new TorchLayout.Entry(name, param, shape);
    }
}
