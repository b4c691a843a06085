package rewire.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.kernel.Kernels;
import rewire.models.gpt.Sampler;
import rewire.models.gpt.TextModel;
import rewire.optim.Slots;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.tensor.Rng;

/** {@code rewire sample RUN --prompt TEXT --tokens N --temperature T}: text from a trained GPT run. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Generate text from the last checkpoint of a GPT run (workload: gpt).",
            "Example:", "  rewire sample runs/gpt-shakespeare-... --prompt \"ROMEO:\" --tokens 300 --temperature 0.8"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sampled", "2:not a GPT run folder, no checkpoint, or a prompt outside the vocabulary"})
final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder.")
    Path run;

    @Option(names = "--prompt", defaultValue = "\n", description = "Text to continue (default: a newline).")
    String prompt;

    @Option(names = "--tokens", defaultValue = "500", description = "Characters to generate (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--temperature", defaultValue = "0.8",
            description = "Softmax temperature; 0 picks the most likely character (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        RunFolder folder = RunFolder.open(run);
        Kernels kernels = Kernels.defaults();
        RunSpec runSpec = RunSpecs.fromFolder(folder, kernels);
        if (!(runSpec.workload() instanceof TextModel gpt)) {
            throw new IllegalArgumentException(folder.dir() + " is a " + runSpec.workload().name()
                    + " run; sample needs a GPT run (workload: gpt)");
        }
        long steps = RunCheckpoint.restore(LastCheckpoint.of(folder, false, "sample from"), runSpec.workload(), new Slots(),
                List.of());
        // the attention the model last trained (and was evaluated) with, as the run's own evaluations
        gpt.model().setAttentionMask(gpt.attentionAfter(steps));
        String text = new Sampler(gpt.model(), gpt.tokenizer(), kernels).generate(prompt, tokens, temperature,
                new Rng(seed));
        spec.commandLine().getOut().println(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    // option values the sampler cannot use, named as the user typed them, before the run is loaded
    private void checkOptions() {
        if (tokens < 0) {
            throw new IllegalArgumentException("--tokens must be >= 0, got " + tokens);
        }
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("--temperature must be >= 0, got " + temperature);
        }
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("--prompt must not be empty (the default is a newline)");
        }
    }
}
