package rewire.io.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rewire.io.AtomicFile;
import rewire.io.TorchLayout;

/**
 * An ONNX inference graph under construction: typed inputs, constant initializers, nodes in
 * topological order and typed outputs, written as an ONNX model ({@link #write}, opset
 * {@link OnnxEncoder#OPSET}). Every value has one name; a node may only read values defined
 * before it, so the graph is acyclic and in order by construction. Nodes name their outputs
 * themselves ({@code MatMul_3}), initializers keep the name they are given (the PyTorch name of a
 * weight).
 *
 * <p>Call order: {@link #input} and {@link #initializer}s, then {@link #node}s, then
 * {@link #output}s; {@link #write} when done.
 */
public final class OnnxGraph {
    /** A dimension of any size, named {@code "batch"} in the model. */
    public static final long BATCH = -1;

    /** A graph input or output: name, element type and dimensions ({@link #BATCH} for the batch). */
    record Value(String name, ElementType type, long[] dims) {
    }

    /** A constant tensor: float data or int64 data, row-major in {@code dims}. */
    record Initializer(String name, long[] dims, float[] floats, long[] longs) {
        ElementType type() {
            return floats != null ? ElementType.FLOAT : ElementType.INT64;
        }
    }

    /** One operator application. */
    record Node(String name, String op, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
    }

    private final String name;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Initializer> initializers = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Set<String> defined = new HashSet<>();

    /** An empty graph called {@code name} (the model's name in tools that show it). */
    public OnnxGraph(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Declares a graph input; returns its name. */
    public String input(String inputName, ElementType type, long... dims) {
        define(inputName);
        inputs.add(new Value(inputName, type, dims.clone()));
        return inputName;
    }

    /** A float constant {@code (dims)} holding {@code data} row-major; returns its name. */
    public String initializer(String tensorName, float[] data, long... dims) {
        requireLength(tensorName, data.length, dims);
        define(tensorName);
        initializers.add(new Initializer(tensorName, dims.clone(), data, null));
        return tensorName;
    }

    /**
     * A parameter as a float constant under its PyTorch name and shape, dense (a sparse one
     * scattered); returns its name.
     */
    public String initializer(TorchLayout.Entry parameter) {
        int[] shape = parameter.shape();
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return initializer(parameter.name(), parameter.denseValues(), dims);
    }

    /** An int64 constant {@code (dims)}; returns its name. */
    public String initializer(String tensorName, long[] data, long... dims) {
        requireLength(tensorName, data.length, dims);
        define(tensorName);
        initializers.add(new Initializer(tensorName, dims.clone(), null, data.clone()));
        return tensorName;
    }

    /** An int64 vector constant (a shape, axes, split sizes) named after the node count; returns its name. */
    public String constant(long... values) {
        return initializer("const_" + initializers.size(), values, values.length);
    }

    /** Applies operator {@code op} to {@code in} (values defined before); returns the name of its one output. */
    public String node(String op, List<String> in, OnnxAttribute... attributes) {
        return node(op, in, 1, attributes).get(0);
    }

    /** Applies operator {@code op} with {@code outputCount} outputs; returns their names. */
    public List<String> node(String op, List<String> in, int outputCount, OnnxAttribute... attributes) {
        for (String i : in) {
            if (!i.isEmpty() && !defined.contains(i)) {
                throw new IllegalArgumentException(op + " reads '" + i + "', which no input, initializer or earlier "
                        + "node defines");
            }
        }
        String nodeName = op + "_" + nodes.size();
        List<String> out = new ArrayList<>();
        for (int o = 0; o < outputCount; o++) {
            out.add(define(outputCount == 1 ? nodeName : nodeName + "_" + o));
        }
        nodes.add(new Node(nodeName, op, List.copyOf(in), List.copyOf(out), List.of(attributes)));
        return out;
    }

    /** Declares {@code value} (defined before) a graph output of this type and shape. */
    public void output(String value, ElementType type, long... dims) {
        if (!defined.contains(value)) {
            throw new IllegalArgumentException("output '" + value + "' is not defined in graph " + name);
        }
        outputs.add(new Value(value, type, dims.clone()));
    }

    /** The ONNX model of this graph, serialized. */
    public byte[] encode() {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalStateException("graph " + name + " needs an input and an output before it is written");
        }
        return OnnxEncoder.model(this);
    }

    /** Writes the ONNX model to {@code file}, atomically. */
    public void write(Path file) throws IOException {
        byte[] model = encode();
        AtomicFile.write(file, out -> out.write(model));
    }

    List<Value> inputs() {
        return inputs;
    }

    List<Initializer> initializers() {
        return initializers;
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Value> outputs() {
        return outputs;
    }

    private String define(String valueName) {
        if (valueName.isEmpty() || !defined.add(valueName)) {
            throw new IllegalArgumentException("value name '" + valueName + "' is empty or already used in graph "
                    + name);
        }
        return valueName;
    }

    private static void requireLength(String tensorName, int length, long[] dims) {
        long n = Arrays.stream(dims).reduce(1, Math::multiplyExact);
        if (n != length || Arrays.stream(dims).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("initializer " + tensorName + ": dimensions " + Arrays.toString(dims)
                    + " do not hold " + length + " elements");
        }
    }
}
