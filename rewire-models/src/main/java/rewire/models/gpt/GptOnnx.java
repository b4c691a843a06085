package rewire.models.gpt;

import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.io.TorchLayout;
import rewire.io.onnx.ElementType;
import rewire.io.onnx.OnnxAttribute;
import rewire.io.onnx.OnnxGraph;
import rewire.nn.LayerNorm;

/**
 * The inference graph of a GPT for a fixed context of {@code T} tokens: token ids
 * {@code tokens (B, T)} (int64) to next-token logits {@code logits (B, T, V)}, batch-major as
 * PyTorch computes it, weights as initializers under nanoGPT's names ({@link GptExport}). The
 * attention mask is a constant {@code (T, T)}: 0 where a query may see a key, minus infinity
 * elsewhere, added to the scaled scores before the softmax; it is the mask the model had after the
 * exported step (causal, or MST's sparse window). GELU is written out in its tanh form, as Rewire
 * computes it (opset 17 has no GELU operator).
 */
final class GptOnnx {
    private final OnnxGraph g;
    private final TorchLayout layout;
    private final GptModelSettings settings;
    private final String mask;
    private final String scale;
    private final String geluCubic;
    private final String geluScale;
    private final String half;
    private final String one;

    private GptOnnx(String name, TorchLayout layout, GptModelSettings settings, AttentionMask attention) {
        this.g = new OnnxGraph(name);
        this.layout = layout;
        this.settings = settings;
        int t = settings.blockSize();
        float[] additive = new float[t * t];
        for (int q = 0; q < t; q++) {
            for (int k = 0; k < t; k++) {
                additive[q * t + k] = attention.allows(q, k) ? 0f : Float.NEGATIVE_INFINITY;
            }
        }
        this.mask = g.initializer("attention_mask", additive, t, t);
        this.scale = g.initializer("attention_scale",
                new float[] {(float) (1 / Math.sqrt(settings.width() / settings.heads()))});
        this.geluCubic = g.initializer("gelu_cubic", new float[] {0.044715f});
        this.geluScale = g.initializer("gelu_scale", new float[] {(float) Math.sqrt(2 / Math.PI)});
        this.half = g.initializer("half", new float[] {0.5f});
        this.one = g.initializer("one", new float[] {1f});
    }

    /** The graph of the model whose parameters {@code layout} holds, under {@code attention}. */
    static OnnxGraph graph(String name, TorchLayout layout, GptModelSettings settings, AttentionMask attention) {
        return new GptOnnx(name, layout, settings, attention).build();
    }

    private OnnxGraph build() {
        int t = settings.blockSize();
        String tokens = g.input("tokens", ElementType.INT64, OnnxGraph.BATCH, t);
        String wte = g.initializer(layout.entry("transformer.wte.weight"));
        String x = g.node("Gather", List.of(wte, tokens), OnnxAttribute.of("axis", 0));           // (B, T, d)
        x = g.node("Add", List.of(x, g.initializer(layout.entry("transformer.wpe.weight"))));
        for (int l = 0; l < settings.layers(); l++) {
            String h = "transformer.h." + l + ".";
            String a = attention(norm(x, h + "ln_1.weight"), h);
            x = g.node("Add", List.of(x, linear(a, h + "attn.c_proj.weight")));
            String m = linear(gelu(linear(norm(x, h + "ln_2.weight"), h + "mlp.c_fc.weight")), h + "mlp.c_proj.weight");
            x = g.node("Add", List.of(x, m));
        }
        String head = g.node("Transpose", List.of(wte), OnnxAttribute.of("perm", 1, 0));         // (d, V)
        String logits = g.node("MatMul", List.of(norm(x, "transformer.ln_f.weight"), head));       // (B, T, V)
        g.output(logits, ElementType.FLOAT, OnnxGraph.BATCH, t, layout.entry("transformer.wte.weight").shape()[0]);
        return g;
    }

    // x (B, T, d) -> attention output before the projection (B, T, d)
    private String attention(String x, String prefix) {
        int d = settings.width();
        int heads = settings.heads();
        String qkv = linear(x, prefix + "attn.c_attn.weight");                                    // (B, T, 3d)
        List<String> parts = g.node("Split", List.of(qkv, g.constant(d, d, d)), 3, OnnxAttribute.of("axis", 2));
        String headShape = g.constant(0, 0, heads, d / heads);
        String q = g.node("Transpose", List.of(g.node("Reshape", List.of(parts.get(0), headShape))),
                OnnxAttribute.of("perm", 0, 2, 1, 3));                                            // (B, H, T, dh)
        String kt = g.node("Transpose", List.of(g.node("Reshape", List.of(parts.get(1), headShape))),
                OnnxAttribute.of("perm", 0, 2, 3, 1));                                            // (B, H, dh, T)
        String v = g.node("Transpose", List.of(g.node("Reshape", List.of(parts.get(2), headShape))),
                OnnxAttribute.of("perm", 0, 2, 1, 3));                                            // (B, H, T, dh)
        String scores = g.node("Add", List.of(g.node("Mul", List.of(g.node("MatMul", List.of(q, kt)), scale)), mask));
        String probs = g.node("Softmax", List.of(scores), OnnxAttribute.of("axis", -1));         // (B, H, T, T)
        String o = g.node("Transpose", List.of(g.node("MatMul", List.of(probs, v))),
                OnnxAttribute.of("perm", 0, 2, 1, 3));                                            // (B, T, H, dh)
        return g.node("Reshape", List.of(o, g.constant(0, 0, d)));                                // (B, T, d)
    }

    // x (..., in) -> x · Wᵀ (..., out) for the weight (out, in) named `weight`
    private String linear(String x, String weight) {
        String w = g.initializer(layout.entry(weight));
        return g.node("MatMul", List.of(x, g.node("Transpose", List.of(w), OnnxAttribute.of("perm", 1, 0))));
    }

    private String norm(String x, String gain) {
        return g.node("LayerNormalization", List.of(x, g.initializer(layout.entry(gain))),
                OnnxAttribute.of("axis", -1), OnnxAttribute.of("epsilon", (float) LayerNorm.EPS));
    }

    // 0.5 · x · (1 + tanh(sqrt(2/pi) · (x + 0.044715 · x³)))
    private String gelu(String x) {
        String cube = g.node("Mul", List.of(g.node("Mul", List.of(x, x)), x));
        String inner = g.node("Add", List.of(x, g.node("Mul", List.of(cube, geluCubic))));
        String t = g.node("Tanh", List.of(g.node("Mul", List.of(inner, geluScale))));
        return g.node("Mul", List.of(g.node("Mul", List.of(x, half)), g.node("Add", List.of(t, one))));
    }
}
