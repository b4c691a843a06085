package rewire.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.train.StepResult;

/** Step results in shard messages: loss, samples, examples and the metrics by name. */
final class StepResults {
    private StepResults() {
    }

    static void write(MessageWriter out, List<StepResult> steps) {
        out.writeInt(steps.size());
        for (StepResult r : steps) {
            out.writeDouble(r.loss()).writeLong(r.samples()).writeLong(r.examples()).writeInt(r.metrics().size());
            r.metrics().forEach((k, v) -> out.writeText(k).writeDouble(v));
        }
    }

    static List<StepResult> read(MessageReader in) {
        int n = in.count(in.readInt());
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double loss = in.readDouble();
            long samples = in.readLong();
            long examples = in.readLong();
            int m = in.count(in.readInt());
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
                metrics.put(in.readText(), in.readDouble());
            }
            steps.add(new StepResult(loss, samples, examples, metrics));
        }
        return steps;
    }
}
