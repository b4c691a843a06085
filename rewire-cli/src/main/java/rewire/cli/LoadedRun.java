package rewire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptWorkload;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.train.Evaluation;

/**
 * A run folder's workload rebuilt from its config.yaml and restored from its last (or best)
 * checkpoint: the trained model that eval and the pruning commands start from.
 *
 * @param folder the run folder
 * @param spec   the run as configured, its workload holding the checkpoint's weights
 * @param step   the steps the checkpoint had trained
 */
record LoadedRun(RunFolder folder, RunSpec spec, long step) {

    /** The run in {@code dir} after its last checkpoint (or its best, with {@code best}). */
    static LoadedRun open(Path dir, boolean best, String purpose, Kernels kernels) throws IOException {
        return open(dir, best, purpose, kernels, List.of());
    }

    /** As {@link #open(Path, boolean, String, Kernels)}, the evaluation settings overridden ({@link RunSpecs#forEval}). */
    static LoadedRun open(Path dir, boolean best, String purpose, Kernels kernels, List<String> evalOverrides)
            throws IOException {
        RunFolder folder = RunFolder.open(dir);
        RunSpec spec = RunSpecs.forEval(folder, evalOverrides, kernels);
        return new LoadedRun(folder, spec, LastCheckpoint.restore(folder, best, purpose, spec.workload()));
    }

    /**
     * The workload as a GPT with the attention the model had after its last step, or an error
     * naming the workload when it is none.
     */
    GptWorkload gpt(String command) {
        if (!(spec.workload() instanceof GptWorkload gpt)) {
            throw new IllegalArgumentException(folder.dir() + " is a " + spec.workload().name() + " run; rewire "
                    + command + " works on GPT runs (workload: gpt)");
        }
        gpt.model().setAttentionMask(gpt.attentionAfter(step));
        return gpt;
    }

    /** The workload's evaluation as after {@code step}, modules in evaluation mode. */
    Evaluation evaluate() {
        spec.workload().groups().forEach(g -> g.module().eval());
        return spec.workload().evaluate(step);
    }
}
