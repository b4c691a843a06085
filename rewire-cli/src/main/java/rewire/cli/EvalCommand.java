package rewire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.kernel.Kernels;
import rewire.train.Evaluation;
import rewire.train.Score;
import rewire.train.Workload;

/**
 * {@code rewire eval RUN}: evaluates a run's last (or best) checkpoint as the run itself evaluates,
 * with the behaviour its model had at that step (a GPT's attention mask), and prints every score, then
 * the evaluation's other numbers (an RL run's greedy episodes: the spread of their returns, their length).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a run's last checkpoint (or its best, with --best) on the held-out data and print "
                + "the workload's scores (accuracy and loss, validation loss, win rate and return; an RL run plays greedy episodes) "
                + "and the evaluation's other numbers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "2:not a run folder, no checkpoint, or a corrupt checkpoint"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run folder.")
    Path run;

    @Parameters(index = "1..*", paramLabel = "key=value", description = "Evaluation settings to score with instead of "
            + "the run's: data.evalBlocks=all (a GPT's whole validation split), data.evalBatches=N (a GPT's random "
            + "batches), data.evalBatch=N (a classifier's batch). The run's config.yaml is not changed.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--best", description = "Evaluate checkpoints/best.ckpt (the best by the primary score).")
    boolean best;

    @Override
    public Integer call() throws Exception {
        LoadedRun loaded = LoadedRun.open(run, best, "evaluate", Kernels.defaults(), overrides);
        Workload w = loaded.spec().workload();
        Evaluation e = loaded.evaluate();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s after step %d (%s split, %,d evaluated):%n", loaded.folder().dir(), loaded.step(), e.split(),
                e.samples());
        List<List<String>> rows = new ArrayList<>();
        w.scores().forEach(score -> rows.add(List.of(score.label(), score.format(e.get(score)))));
        // the evaluation's other numbers under their keys: an RL run's spread of returns, episode length
        Set<String> scored = w.scores().stream().map(Score::key).collect(Collectors.toSet());
        e.values().forEach((key, value) -> {
            if (!scored.contains(key)) {
                rows.add(List.of(key, String.format(Locale.ROOT, "%.6g", value)));
            }
        });
        TextColumns.lines("  ", rows).forEach(out::println);
        out.flush();
        return 0;
    }
}
