package rewire.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import rewire.kernel.Kernels;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.Evaluation;

/**
 * A new run folder that holds a model and has not trained it yet: config.yaml, run.json (status
 * "stopped" at step 0), the model in a checkpoint at step 0 and its evaluation in metrics.jsonl.
 * {@code rewire eval} and {@code rewire sample} read it as any run, {@code rewire resume} trains
 * it for its configured epochs (a pruned model's fine-tuning, its masks fixed), {@code rewire
 * report} shows it. The workload's parameters must hold the model when it is written.
 *
 * @param folder     the new run folder
 * @param evaluation the model's evaluation at step 0
 */
record StartingPoint(RunFolder folder, Evaluation evaluation) {

    /** Writes the folder of {@code spec} (under its {@code train.runs}) with the model its workload holds. */
    static StartingPoint write(RunSpec spec, Kernels kernels) throws IOException {
        TrainingRun run = TrainingRun.start(spec, kernels, progress -> { });
        run.requestStop();                                       // the checkpoint of step 0, no step trained
        run.run();
        spec.workload().groups().forEach(g -> g.module().eval());
        Evaluation e = spec.workload().evaluate(0);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", 0);
        line.put("epoch", 0);
        line.put("split", e.split());
        line.put("elapsedSeconds", 0.0);
        e.values().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                line.put(k, v);
            }
        });
        run.folder().appendLine(RunFolder.METRICS, line);
        return new StartingPoint(run.folder(), e);
    }
}
