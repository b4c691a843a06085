package rewire.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.Patterns;

/**
 * A model's parameters under the names and in the shapes of the equivalent PyTorch module, so
 * weights can leave Rewire ({@link TorchSafetensors#write}, ONNX initializers) and come back
 * ({@link TorchSafetensors#read}). Rewire's layouts already are PyTorch's up to a reshape (a linear
 * weight {@code (out, in)}, a convolution's {@code (Cout, Cin·k·k)} read as {@code (Cout, Cin, k, k)},
 * an embedding {@code (V, d)}), so an entry is a name, a parameter and the PyTorch shape of its
 * dense values in row-major order. The model describes itself in {@code metadata} (what
 * {@code scripts/torch_check.py} builds the PyTorch module from).
 *
 * @param entries  one per parameter, in the model's order; names unique
 * @param metadata strings written into the safetensors header's {@code __metadata__}
 */
public record TorchLayout(List<Entry> entries, Map<String, String> metadata) {

    public TorchLayout {
        entries = List.copyOf(entries);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("two parameters take the PyTorch name '" + e.name() + "'");
            }
        }
    }

    /**
     * One parameter under its PyTorch name.
     *
     * @param name  the PyTorch name, such as {@code transformer.h.0.attn.c_attn.weight}
     * @param param the Rewire parameter, dense or sparse
     * @param shape the PyTorch shape; its element count is the parameter's dense size
     */
    public record Entry(String name, Param param, int[] shape) {
        public Entry {
            if (param == null) {
                throw new IllegalArgumentException("no parameter for the PyTorch name '" + name + "'");
            }
            shape = shape.clone();
            long elements = Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact);
            if (name.isEmpty() || elements != denseSize(param)) {
                throw new IllegalArgumentException("PyTorch name '" + name + "' with shape " + Arrays.toString(shape)
                        + " does not fit parameter " + param.name() + " of " + denseSize(param) + " elements");
            }
        }

        /** The parameter's values as a dense tensor in row-major order of {@link #shape} (a copy for a sparse one). */
        public float[] denseValues() {
            return switch (param) {
                case DenseParam d -> d.values();
                case SparseParam s -> Patterns.toDense(s.weight()).data();
            };
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        private static long denseSize(Param p) {
            return switch (p) {
                case DenseParam d -> d.size();
                case SparseParam s -> (long) s.rows() * s.cols();
            };
        }
    }

    /** The entry named {@code name}, or an error naming it. */
    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter takes the PyTorch name '" + name + "'"));
    }
}
