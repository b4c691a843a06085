package rewire.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rewire.kernel.TopK;
import rewire.nn.DenseParam;
import rewire.nn.SparseParam;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * A model's weights as a safetensors file for PyTorch, and back. Writing puts every parameter of a
 * {@link TorchLayout} under its PyTorch name and shape as a dense F32 tensor; a sparse parameter is
 * written a second time as CSR triplets, the names PyTorch's {@code to_sparse_csr} uses:
 * {@code <name>.crow_indices} (I32, rows + 1), {@code <name>.col_indices} (I32, nnz) and
 * {@code <name>.values} (F32, nnz) of the weight viewed as a matrix {@code (shape[0], rest)}, with
 * the metadata string {@code "<name>.size": "[rows, cols]"}. A loader of a {@code torch.nn} module
 * takes the dense tensors ({@code load_state_dict}); one that keeps the weights sparse takes the
 * triplets ({@code torch.sparse_csr_tensor}). The header's {@code __metadata__} also holds
 * {@code "format": "pt"} and the layout's own description of the model.
 *
 * <p>Reading imports dense weights into a matching model: every parameter's tensor must be there,
 * F32, of the PyTorch shape, and the file may hold nothing else but the triplets; the first
 * mismatch is an error naming the file and the tensor, and nothing is changed before every tensor
 * passed. A sparse parameter takes the weights as {@link SparseImport} says.
 */
public final class TorchSafetensors {
    private static final String[] CSR_PARTS = {".crow_indices", ".col_indices", ".values"};

    private TorchSafetensors() {
    }

    /** Writes {@code layout}'s parameters to {@code file}, atomically. */
    public static void write(Path file, TorchLayout layout) throws IOException {
        Map<String, SafeTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.putAll(layout.metadata());
        for (TorchLayout.Entry e : layout.entries()) {
            tensors.put(e.name(), new SafeTensor.F32(e.shape(), e.denseValues()));
            if (e.param() instanceof SparseParam s) {
                SparsityPattern p = s.pattern();
                tensors.put(e.name() + CSR_PARTS[0], new SafeTensor.I32(new int[] {p.rows() + 1}, p.rowPtr()));
                tensors.put(e.name() + CSR_PARTS[1], new SafeTensor.I32(new int[] {p.nnz()}, p.colIdx()));
                tensors.put(e.name() + CSR_PARTS[2], new SafeTensor.F32(new int[] {p.nnz()}, s.values()));
                metadata.put(e.name() + ".size", Json.write(List.of(p.rows(), p.cols())));
            }
        }
        Safetensors.write(file, tensors, metadata);
    }

    /**
     * Imports the dense weights of {@code file} into {@code layout}'s parameters, before training
     * (a sparse parameter that {@link SparseImport#MAGNITUDE} moves to another pattern has no
     * optimizer state to move along).
     *
     * @throws IllegalArgumentException naming the file and the tensor that is missing, unknown, not
     *                                  F32 or of another shape; the model is then unchanged
     */
    public static void read(Path file, TorchLayout layout, SparseImport sparse) throws IOException {
        Map<String, SafeTensor> tensors = Safetensors.read(file).tensors();
        String source = file.toString();
        requireKnown(tensors.keySet(), layout, source);
        List<float[]> values = new ArrayList<>();
        for (TorchLayout.Entry e : layout.entries()) {
            values.add(checked(tensors.get(e.name()), e, source));
        }
        for (int i = 0; i < values.size(); i++) {
            TorchLayout.Entry e = layout.entries().get(i);
            switch (e.param()) {
                case DenseParam d -> System.arraycopy(values.get(i), 0, d.values(), 0, d.size());
                case SparseParam s -> place(s, values.get(i), sparse);
            }
        }
    }

    // every tensor of the file is a parameter's, or one of its CSR triplets
    private static void requireKnown(Set<String> names, TorchLayout layout, String source) {
        Set<String> known = new HashSet<>();
        for (TorchLayout.Entry e : layout.entries()) {
            known.add(e.name());
            for (String part : CSR_PARTS) {
                known.add(e.name() + part);
            }
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + " holds tensors the model does not have: " + unknown
                    + "; the model's are " + layout.entries().stream().map(TorchLayout.Entry::name).toList());
        }
    }

    private static float[] checked(SafeTensor t, TorchLayout.Entry e, String source) {
        String what = source + ": tensor '" + e.name() + "' (Rewire's " + e.param().name() + ")";
        if (t == null) {
            throw new IllegalArgumentException(what + " is missing; the model needs it with shape "
                    + Arrays.toString(e.shape()));
        }
        if (!(t instanceof SafeTensor.F32 f)) {
            throw new IllegalArgumentException(what + " is " + t.dtype() + ", expected F32");
        }
        if (!Arrays.equals(f.shape(), e.shape())) {
            throw new IllegalArgumentException(what + " has shape " + Arrays.toString(f.shape())
                    + " in the file, the model needs " + Arrays.toString(e.shape()));
        }
        return f.data();
    }

    // dense (rows · cols) row-major values into a sparse parameter, at its pattern or by magnitude
    private static void place(SparseParam s, float[] dense, SparseImport mode) {
        if (mode == SparseImport.MAGNITUDE) {
            TopK top = new TopK(s.pattern().nnz());
            for (int i = 0; i < dense.length; i++) {
                top.offer(Math.abs(dense[i]), i);
            }
            SparsityPattern largest = Patterns.fromSortedPositions(s.rows(), s.cols(), top.result().sortedPositions());
            if (!largest.equals(s.pattern())) {
                s.remap(Remap.between(s.pattern(), largest), null);
            }
        }
        float[] at = Patterns.gather(Tensor.wrap(dense, s.rows(), s.cols()), s.pattern()).values();
        System.arraycopy(at, 0, s.values(), 0, at.length);
    }
}
