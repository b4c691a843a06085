package rewire.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;

/**
 * Model parameters as safetensors, for exchange with other frameworks. Naming:
 * <ul>
 *   <li>a dense parameter {@code <name>}: one F32 tensor {@code <name>} of the parameter's shape;</li>
 *   <li>a sparse {@code rows x cols} parameter {@code <name>}: three tensors in PyTorch's CSR
 *       layout, {@code <name>.crow_indices} (I32, {@code [rows + 1]}), {@code <name>.col_indices}
 *       (I32, {@code [nnz]}) and {@code <name>.values} (F32, {@code [nnz]}), plus the metadata
 *       string {@code "<name>.size": "[rows, cols]"}. In PyTorch:
 *       {@code torch.sparse_csr_tensor(t[n + ".crow_indices"], t[n + ".col_indices"], t[n + ".values"],
 *       size=json.loads(meta[n + ".size"]))}.</li>
 * </ul>
 */
public final class SafetensorsParams {
    private SafetensorsParams() {
    }

    /** Writes {@code params} to {@code file} (atomically). */
    public static void write(Path file, Collection<? extends Param> params) throws IOException {
        Map<String, SafeTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Param p : params) {
            switch (p) {
                case DenseParam d -> put(tensors, p.name(), SafeTensor.F32.of(d.value()));
                case SparseParam s -> {
                    put(tensors, s.name() + ".crow_indices", new SafeTensor.I32(new int[] {s.rows() + 1}, s.pattern().rowPtr()));
                    put(tensors, s.name() + ".col_indices", new SafeTensor.I32(new int[] {s.pattern().nnz()}, s.pattern().colIdx()));
                    put(tensors, s.name() + ".values", new SafeTensor.F32(new int[] {s.pattern().nnz()}, s.values()));
                    metadata.put(s.name() + ".size", Json.write(List.of(s.rows(), s.cols())));
                }
            }
        }
        Safetensors.write(file, tensors, metadata);
    }

    /**
     * Reads the values of {@code params} from {@code file}, moving sparse parameters (and their
     * {@code slots}) to the saved patterns.
     *
     * @throws IllegalArgumentException when a tensor is missing or has another shape or dtype
     */
    public static void read(Path file, Collection<? extends Param> params, Slots slots) throws IOException {
        Safetensors.Contents contents = Safetensors.read(file);
        String source = file.toString();
        for (Param p : params) {
            switch (p) {
                case DenseParam d -> {
                    SafeTensor.F32 t = get(contents, p.name(), SafeTensor.F32.class, source);
                    ParamRestore.dense(d, t.shape(), t.data(), source);
                }
                case SparseParam s -> {
                    int[] size = size(contents, s.name(), source);
                    ParamRestore.sparse(s, size[0], size[1],
                            get(contents, s.name() + ".crow_indices", SafeTensor.I32.class, source).data(),
                            get(contents, s.name() + ".col_indices", SafeTensor.I32.class, source).data(),
                            get(contents, s.name() + ".values", SafeTensor.F32.class, source).data(), slots, source);
                }
            }
        }
    }

    private static void put(Map<String, SafeTensor> tensors, String name, SafeTensor tensor) {
        if (tensors.putIfAbsent(name, tensor) != null) {
            throw new IllegalArgumentException("two parameters map to the safetensors name '" + name + "'");
        }
    }

    private static <T extends SafeTensor> T get(Safetensors.Contents contents, String name, Class<T> type, String source) {
        SafeTensor t = contents.tensors().get(name);
        if (t == null) {
            throw new IllegalArgumentException(source + " has no tensor '" + name + "'");
        }
        if (!type.isInstance(t)) {
            throw new IllegalArgumentException(source + ": tensor '" + name + "' is " + t.dtype() + ", expected "
                    + (type == SafeTensor.F32.class ? "F32" : "I32"));
        }
        return type.cast(t);
    }

    private static int[] size(Safetensors.Contents contents, String name, String source) {
        String key = name + ".size";
        String text = contents.metadata().get(key);
        if (text == null) {
            throw new IllegalArgumentException(source + ": no metadata '" + key + "' [rows, cols]");
        }
        int[] size = Json.read(text, int[].class, source + ": metadata '" + key + "'");
        if (size.length != 2) {
            throw new IllegalArgumentException(source + ": metadata '" + key + "' should be [rows, cols], got " + text);
        }
        return size;
    }
}
