package rewire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rewire.config.Config;
import rewire.config.ConfigException;
import rewire.config.Node;
import rewire.config.Overrides;
import rewire.config.Yaml;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.models.gan.GanConfig;
import rewire.models.gan.GanRuns;
import rewire.models.gpt.GptConfig;
import rewire.models.gpt.GptRuns;
import rewire.models.marl.MarlConfig;
import rewire.models.marl.MarlRuns;
import rewire.models.rl.RlConfig;
import rewire.models.rl.RlRuns;
import rewire.run.EvalOverrides;
import rewire.run.ResumeOverrides;
import rewire.run.RunFolder;
import rewire.run.RunSpec;

/**
 * From configuration to a runnable {@link RunSpec}: reads a file (or nothing, for the defaults),
 * applies {@code key=value} overrides, picks the workload named by the {@code workload} key, binds
 * and checks the configuration and builds the run.
 */
final class RunSpecs {
    private static final List<String> WORKLOADS = List.of(ClassifyConfig.WORKLOAD, GptConfig.WORKLOAD, MarlConfig.WORKLOAD,
            RlConfig.WORKLOAD, GanConfig.WORKLOAD);

    private RunSpecs() {
    }

    /** The run described by {@code file} (null for the defaults) with {@code overrides} applied. */
    static RunSpec fromFile(Path file, List<String> overrides, Kernels kernels) throws IOException {
        Node.Mapping tree = file == null ? Node.Mapping.empty(Node.Origin.inWorkingDirectory("defaults"))
                : Config.read(file);
        return fromTree(Overrides.apply(tree, overrides), kernels);
    }

    /** The run of a run folder's config.yaml, for eval and sample. */
    static RunSpec fromFolder(RunFolder folder, Kernels kernels) throws IOException {
        return fromTree(savedTree(folder), kernels);
    }

    /**
     * The run of a run folder's config.yaml with the overrides a resume may apply
     * ({@link ResumeOverrides}); the changed configuration is written back to config.yaml.
     */
    static RunSpec forResume(RunFolder folder, List<String> overrides, Kernels kernels) throws IOException {
        RunSpec spec = fromTree(ResumeOverrides.apply(savedTree(folder), overrides), kernels);
        if (!overrides.isEmpty()) {
            folder.writeText(RunFolder.CONFIG_YAML, spec.configYaml());
        }
        return spec;
    }

    /**
     * The run of a run folder's config.yaml with evaluation settings overridden ({@link EvalOverrides});
     * config.yaml is left as it is.
     */
    static RunSpec forEval(RunFolder folder, List<String> overrides, Kernels kernels) throws IOException {
        return fromTree(EvalOverrides.apply(savedTree(folder), overrides), kernels);
    }

    private static Node.Mapping savedTree(RunFolder folder) {
        String source = folder.path(RunFolder.CONFIG_YAML).toString();
        return (Node.Mapping) Yaml.parse(folder.readText(RunFolder.CONFIG_YAML), source);
    }

    private static RunSpec fromTree(Node.Mapping tree, Kernels kernels) throws IOException {
        String workload = workloadOf(tree);
        return switch (workload) {
            case ClassifyConfig.WORKLOAD -> ClassifyRuns.spec(Config.bind(ClassifyConfig.class, tree), kernels);
            case MarlConfig.WORKLOAD -> MarlRuns.spec(Config.bind(MarlConfig.class, tree), kernels);
            case GptConfig.WORKLOAD -> GptRuns.spec(Config.bind(GptConfig.class, tree), kernels);
            case RlConfig.WORKLOAD -> RlRuns.spec(Config.bind(RlConfig.class, tree), kernels);
            case GanConfig.WORKLOAD -> GanRuns.spec(Config.bind(GanConfig.class, tree), kernels, System.err::println);
            default -> throw new ConfigException("workload '" + workload + "' is not one of " + WORKLOADS);
        };
    }

    private static String workloadOf(Node.Mapping tree) {
        Node node = tree.entries().get("workload");
        return node instanceof Node.Scalar s ? s.text() : ClassifyConfig.WORKLOAD;
    }
}
