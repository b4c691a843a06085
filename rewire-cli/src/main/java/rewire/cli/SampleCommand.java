package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.report.SceneStrip;
import rewire.io.AtomicFile;
import rewire.kernel.Kernels;
import rewire.models.gan.GanWorkload;
import rewire.models.gpt.Sampler;
import rewire.models.gpt.TextModel;
import rewire.models.rl.RecordedEpisode;
import rewire.models.rl.RlWorkload;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.tensor.Rng;
import rewire.train.Workload;

/**
 * {@code rewire sample RUN}: what a trained model makes. For a GPT run, text
 * ({@code --prompt TEXT --tokens N --temperature T}); for an RL run, one greedy episode drawn as
 * text frames, and with {@code --png FILE} as an image strip ({@code --frames N}); for a GAN run, a
 * PNG grid of its EMA generator's samples ({@code --grid 8 --out FILE}).
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Sample from the last checkpoint of a run: text from a GPT run (workload: gpt), a greedy "
                + "episode drawn as text (and a PNG strip with --png) from an RL run (workload: rl), a PNG grid of "
                + "images from a GAN run (workload: gan).",
            "Examples:", "  rewire sample runs/gpt-shakespeare-... --prompt \"ROMEO:\" --tokens 300 --temperature 0.8",
            "  rewire sample runs/sac-pendulum-... --frames 6 --png episode.png",
            "  rewire sample runs/gan-adapt-... --grid 8 --seed 3 --out samples.png"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sampled", "2:not a GPT, RL or GAN run folder, no checkpoint, an option the run does not "
                + "take, or a prompt outside the vocabulary"})
final class SampleCommand implements Callable<Integer> {
    private static final List<String> GPT_OPTIONS = List.of("--prompt", "--tokens", "--temperature");
    private static final List<String> RL_OPTIONS = List.of("--frames", "--png");
    private static final List<String> GAN_OPTIONS = List.of("--grid", "--out");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder.")
    Path run;

    @Option(names = "--prompt", defaultValue = "\n", description = "GPT: text to continue (default: a newline).")
    String prompt;

    @Option(names = "--tokens", defaultValue = "500",
            description = "GPT: characters to generate (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--temperature", defaultValue = "0.8",
            description = "GPT: softmax temperature; 0 picks the most likely character (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--frames", defaultValue = "8",
            description = "RL: frames drawn, evenly spaced from the start to the end (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--png", description = "RL: also write the frames as a PNG strip to this file.")
    Path png;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the sampling, or of the episode's start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--grid", defaultValue = "8",
            description = "GAN: images per side of the grid (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--out", description = "GAN: the PNG file to write (default: samples.png in the run folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        RunFolder folder = RunFolder.open(run);
        Kernels kernels = Kernels.defaults();
        RunSpec runSpec = RunSpecs.fromFolder(folder, kernels);
        return switch (runSpec.workload()) {
            case TextModel gpt -> text(folder, runSpec.workload(), gpt, kernels);
            case RlWorkload rl -> episode(folder, rl);
            case GanWorkload gan -> grid(folder, gan);
            default -> throw new IllegalArgumentException(folder.dir() + " is a " + runSpec.workload().name()
                    + " run; sample needs a GPT run (workload: gpt), an RL run (workload: rl) or a GAN run "
                    + "(workload: gan)");
        };
    }

    // the workload restores the checkpoint (a distillation holds its student); gpt is its language model
    private int text(RunFolder folder, Workload workload, TextModel gpt, Kernels kernels) throws Exception {
        refuse(RL_OPTIONS, "a GPT run");
        refuse(GAN_OPTIONS, "a GPT run");
        long steps = LastCheckpoint.restore(folder, false, "sample from", workload);
        // the attention the model last trained (and was evaluated) with, as the run's own evaluations
        gpt.model().setAttentionMask(gpt.attentionAfter(steps));
        String sampled = new Sampler(gpt.model(), gpt.tokenizer(), kernels).generate(prompt, tokens, temperature,
                new Rng(seed));
        spec.commandLine().getOut().println(sampled);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int episode(RunFolder folder, RlWorkload rl) throws Exception {
        refuse(GPT_OPTIONS, "an RL run");
        refuse(GAN_OPTIONS, "an RL run");
        LastCheckpoint.restore(folder, false, "sample from", rl);
        rl.groups().forEach(g -> g.module().eval());
        RecordedEpisode episode = rl.recordEpisode(seed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(episode.text(frames, 48));
        if (png != null) {
            Path file = png.toAbsolutePath();
            Files.createDirectories(file.getParent());
            byte[] bytes = SceneStrip.png(episode, episode.spaced(frames));
            AtomicFile.write(file, o -> o.write(bytes));
            out.printf("%nwrote %s%n", file);
        }
        out.flush();
        return 0;
    }

    // the EMA generator of the last checkpoint, side x side codes from --seed, written as a PNG
    private int grid(RunFolder folder, GanWorkload gan) throws IOException {
        refuse(GPT_OPTIONS, "a GAN run");
        refuse(RL_OPTIONS, "a GAN run");
        if (grid < 1) {
            throw new IllegalArgumentException("--grid must be >= 1, got " + grid);
        }
        LastCheckpoint.restore(folder, false, "sample from", gan);
        Path file = out != null ? out : folder.path("samples.png");
        Files.write(file, gan.sampleGrid(grid, seed));
        spec.commandLine().getOut().println("Samples    " + grid + "x" + grid + " from " + folder.dir() + " written to "
                + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    // options of the other kind of run, named as the user typed them
    private void refuse(List<String> options, String kind) {
        for (String option : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " does not apply to " + kind + " (" + run + ")");
            }
        }
    }

    // option values no sampler can use, named as the user typed them, before the run is loaded
    private void checkOptions() {
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
        }
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
