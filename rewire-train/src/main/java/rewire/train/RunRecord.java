package rewire.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.SparseLinear;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;

/** The content of run.json (docs/run-folder.md), apart from the timestamps and the summary. */
final class RunRecord {
    private RunRecord() {
    }

    static Map<String, Object> of(RunSpec spec, String status, Map<String, Object> environment) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", spec.name());
        r.put("status", status);
        r.put("seed", spec.seed());
        r.put("gitRevision", Environment.gitRevision());
        r.put("environment", environment);
        r.put("recipe", spec.recipe() == null ? "dense" : spec.recipe().name());
        r.put("score", spec.workload().scoreLabel());
        r.put("config", spec.config());
        r.put("model", Map.of("layers", layers(spec.workload())));
        return r;
    }

    /** Per linear layer: kind, shape, nnz, density and, for sparse layers, the representation in use. */
    static List<Map<String, Object>> layers(Workload workload) {
        Map<String, SparseLinear> sparse = new HashMap<>();
        for (SparseLinear l : workload.sparseLayers()) {
            sparse.put(l.weight().name(), l);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (FlopCounter.Layer f : workload.flopLayers()) {
            SparseLinear s = sparse.get(f.name());
            long nnz = s != null ? s.weight().pattern().nnz() : f.nnz();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("kind", s != null ? "sparse" : "dense");
            m.put("in", f.in());
            m.put("out", f.out());
            m.put("nnz", nnz);
            m.put("density", (double) nnz / f.denseSize());
            m.put("representation", s != null ? s.representation().name() : "DENSE");
            out.add(m);
        }
        return out;
    }

    /**
     * For each input pixel, the outgoing connections the first sparse layer keeps: the heatmap
     * of which inputs the topology found worth wiring. Null when the workload's input is not an
     * image or no sparse layer reads it directly.
     */
    static Map<String, Object> connectivity(Workload workload) {
        int[] image = workload.inputImage();
        if (image == null || workload.sparseLayers().isEmpty()) {
            return null;
        }
        SparseLinear first = workload.sparseLayers().get(0);
        SparsityPattern p = first.weight().pattern();
        if (p.cols() != image[0] * image[1]) {
            return null;
        }
        long[] counts = new long[p.cols()];
        for (int c : p.colIdx()) {
            counts[c]++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", first.weight().name());
        m.put("shape", List.of(image[0], image[1]));
        List<Long> list = new ArrayList<>();
        for (long c : counts) {
            list.add(c);
        }
        m.put("counts", list);
        return m;
    }
}
