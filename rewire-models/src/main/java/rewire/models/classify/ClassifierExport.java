package rewire.models.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.ImageShape;
import rewire.io.Json;
import rewire.io.ReferenceBatch;
import rewire.io.SafeTensor;
import rewire.io.TorchLayout;
import rewire.io.onnx.ElementType;
import rewire.io.onnx.OnnxAttribute;
import rewire.io.onnx.OnnxGraph;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.sparsity.LayerShape;
import rewire.tensor.Tensor;

/**
 * A classifier as PyTorch and ONNX see it. The equivalent {@code torch.nn} module holds
 * {@code conv1..convK} ({@code nn.Conv2d(Cin, Cout, k, padding=k // 2)}, each followed by ReLU and
 * {@code max_pool2d(2)}) and {@code fc1..fcN} ({@code nn.Linear}, ReLU between them), takes
 * {@code (B, C, H, W)} images (CNN) or {@code (B, features)} vectors (MLP) and returns
 * {@code (B, classes)} logits; the parameter names are Rewire's own ({@code conv1.weight},
 * {@code fc1.bias}), a convolution's weight reshaped from {@code (Cout, Cin·k·k)} to
 * {@code (Cout, Cin, k, k)}. Dropout is the identity at inference and does not appear.
 */
final class ClassifierExport {
    private final ModelSettings settings;
    private final ImageShape input;
    private final int classes;
    private final List<LayerShape> shapes;
    private final Module model;

    ClassifierExport(ModelSettings settings, ImageShape input, int classes, List<LayerShape> shapes, Module model) {
        this.settings = settings;
        this.input = input;
        this.classes = classes;
        this.shapes = List.copyOf(shapes);
        this.model = model;
    }

    /**
     * Weight and bias of every layer, in model order, under PyTorch's names and shapes.
     *
     * @throws IllegalArgumentException for a vision transformer, which has no export yet
     */
    TorchLayout torchLayout() {
        if (settings.arch() == ModelSettings.Arch.VIT) {
            throw new IllegalArgumentException("model.arch vit cannot be exported or imported yet: PyTorch and ONNX"
                    + " export covers the mlp and cnn classifiers");
        }
        Map<String, Param> params = new LinkedHashMap<>();
        model.params().forEach(p -> params.put(p.name(), p));
        List<TorchLayout.Entry> entries = new ArrayList<>();
        for (LayerShape s : shapes) {
            entries.add(new TorchLayout.Entry(s.name() + ".weight", params.get(s.name() + ".weight"), s.dims()));
            entries.add(new TorchLayout.Entry(s.name() + ".bias", params.get(s.name() + ".bias"),
                    new int[] {s.rows()}));
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("family", "classifier");
        description.put("arch", settings.arch() == ModelSettings.Arch.CNN ? "cnn" : "mlp");
        description.put("input", List.of(input.channels(), input.height(), input.width()));
        description.put("channels", settings.arch() == ModelSettings.Arch.CNN ? settings.channels() : List.of());
        description.put("kernel", settings.kernel());
        description.put("hidden", settings.hidden());
        description.put("classes", classes);
        return new TorchLayout(entries, Map.of("rewire.model", Json.write(description)));
    }

    /** {@code input (B, C, H, W)} or {@code (B, features)} -> {@code logits (B, classes)}; none for a vision transformer. */
    OnnxGraph onnxGraph(String name) {
        TorchLayout layout = torchLayout();
        OnnxGraph g = new OnnxGraph(name);
        boolean cnn = settings.arch() == ModelSettings.Arch.CNN;
        String x = cnn ? g.input("input", ElementType.FLOAT, OnnxGraph.BATCH, input.channels(), input.height(),
                input.width()) : g.input("input", ElementType.FLOAT, OnnxGraph.BATCH, input.features());
        int layer = 0;
        if (cnn) {
            long k = settings.kernel();
            long pad = k / 2;
            for (int i = 0; i < settings.channels().size(); i++, layer++) {
                x = g.node("Conv", List.of(x, weight(g, layout, layer), bias(g, layout, layer)),
                        OnnxAttribute.of("kernel_shape", k, k), OnnxAttribute.of("pads", pad, pad, pad, pad),
                        OnnxAttribute.of("strides", 1, 1));
                x = g.node("Relu", List.of(x));
                x = g.node("MaxPool", List.of(x), OnnxAttribute.of("kernel_shape", 2, 2),
                        OnnxAttribute.of("strides", 2, 2));
            }
            x = g.node("Flatten", List.of(x), OnnxAttribute.of("axis", 1));
        }
        for (; layer < shapes.size(); layer++) {
            x = g.node("Gemm", List.of(x, weight(g, layout, layer), bias(g, layout, layer)),
                    OnnxAttribute.of("transB", 1));
            if (layer + 1 < shapes.size()) {
                x = g.node("Relu", List.of(x));
            }
        }
        g.output(x, ElementType.FLOAT, OnnxGraph.BATCH, classes);
        return g;
    }

    /**
     * The batch-major reference of feature-major {@code x (features, B)} and {@code logits (classes, B)}:
     * input {@code (B, C, H, W)} or {@code (B, features)}, output {@code (B, classes)}.
     */
    ReferenceBatch reference(Tensor x, Tensor logits) {
        int b = x.cols();
        int[] inputShape = settings.arch() == ModelSettings.Arch.CNN
                ? new int[] {b, input.channels(), input.height(), input.width()} : new int[] {b, input.features()};
        return new ReferenceBatch(new SafeTensor.F32(inputShape, x.transpose().data()),
                new SafeTensor.F32(new int[] {b, classes}, logits.transpose().data()));
    }

    private static String weight(OnnxGraph g, TorchLayout layout, int layer) {
        return g.initializer(layout.entries().get(2 * layer));
    }

    private static String bias(OnnxGraph g, TorchLayout layout, int layer) {
        return g.initializer(layout.entries().get(2 * layer + 1));
    }
}
