package rewire.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.config.Config;
import rewire.config.ConfigException;
import rewire.config.Node;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ModelSettings;
import rewire.models.gan.GanConfig;
import rewire.models.gpt.GptConfig;
import rewire.models.gpt.GptModelSettings;
import rewire.models.marl.MarlConfig;
import rewire.models.marl.NetworkSettings;
import rewire.models.marl.TdTargets;
import rewire.models.rl.RlConfig;
import rewire.train.OptimSettings;

/**
 * Configuration values that are choices are enums: a file or an override spells a constant in
 * lower case (any case binds), a mistyped one is an error that names the key, the value and every
 * choice, and every shipped example still binds.
 */
class ConfigChoicesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Map<String, Class<? extends Record>> CONFIGS = Map.of(ClassifyConfig.WORKLOAD,
            ClassifyConfig.class, GptConfig.WORKLOAD, GptConfig.class, MarlConfig.WORKLOAD, MarlConfig.class,
            RlConfig.WORKLOAD, RlConfig.class, GanConfig.WORKLOAD, GanConfig.class);

    static Stream<Arguments> mistypedChoices() {
        return Stream.of(
                Arguments.of(ClassifyConfig.class, "optim.name", "adamm", "[sgd, momentum, nesterov, adam, adamw]"),
                Arguments.of(ClassifyConfig.class, "optim.schedule", "linear", "[constant, cosine, step]"),
                Arguments.of(ClassifyConfig.class, "model.arch", "rnn", "[mlp, cnn, vit]"),
                Arguments.of(GptConfig.class, "model.sparseAttention", "dilated", "[none, local, strided, sparse]"),
                Arguments.of(MarlConfig.class, "network.mixer", "qtran", "[vdn, qmix]"),
                Arguments.of(MarlConfig.class, "learner.targets", "tdlambda", "[onestep, nstep, lambda]"),
                Arguments.of(RlConfig.class, "policy.critic.regime", "rigl", "[dense, static, dst, dense_to_sparse, "
                        + "sparse_to_dense]"),
                Arguments.of(RlConfig.class, "env.task", "hopper", "[cartpole, acrobot, pendulum, "
                        + "mountain_car_continuous, reacher]"),
                Arguments.of(RlConfig.class, "network.actor.activation", "gelu", "[relu, elu]"),
                Arguments.of(GanConfig.class, "balance.regime", "adapt", "[dense, static_balance, static_strong, "
                        + "sdst_balance, sdst_strong, dda, adapt_relax, adapt_strict]"),
                Arguments.of(GanConfig.class, "gan.loss", "wasserstein", "[hinge, bce]"));
    }

    @ParameterizedTest(name = "{1}={2}")
    @MethodSource("mistypedChoices")
    void aMistypedChoiceNamesTheKeyTheValueAndEveryChoice(Class<? extends Record> type, String key, String value,
                                                          String choices) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.load(type, List.of(key + "=" + value)));
        String message = e.getMessage();
        assertTrue(message.startsWith(key + " "), message);
        assertTrue(message.contains("expected one of " + choices + ", got '" + value + "'"), message);
    }

    @Test
    void aNearChoiceIsSuggested() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.load(ClassifyConfig.class, List.of("optim.name=adamm")));
        assertTrue(e.getMessage().contains("did you mean 'adam'"), e.getMessage());
    }

    @Test
    void choicesBindInAnyCaseAndAreWrittenBackInLowerCase() {
        MarlConfig marl = Config.load(MarlConfig.class, List.of("network.mixer=VDN", "learner.targets=nstep",
                "optim.name=Nesterov", "optim.schedule=step"));
        assertEquals(NetworkSettings.MixerKind.VDN, marl.network().mixer());
        assertEquals(TdTargets.Kind.NSTEP, marl.learner().targets());
        assertEquals(OptimSettings.Optimizer.NESTEROV, marl.optim().name());
        assertEquals(OptimSettings.RateSchedule.STEP, marl.optim().schedule());
        String yaml = Config.toYaml(marl);
        for (String written : List.of("mixer: vdn", "targets: nstep", "name: nesterov", "schedule: step")) {
            assertTrue(yaml.contains(written), written + " in\n" + yaml);
        }
        assertFalse(yaml.contains("VDN"), yaml);
        assertEquals(marl, Config.fromYaml(MarlConfig.class, yaml, "written"));

        ClassifyConfig cnn = Config.load(ClassifyConfig.class, List.of("model.arch=cnn"));
        assertEquals(ModelSettings.Arch.CNN, cnn.model().arch());
        GptConfig gpt = Config.load(GptConfig.class, List.of("model.sparseAttention=strided"));
        assertEquals(GptModelSettings.SparseAttention.STRIDED, gpt.model().sparseAttention());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleBindsToTheConfigurationOfItsWorkload(Path file) throws IOException {
        Node.Mapping tree = Config.read(file);
        String workload = tree.get("workload") instanceof Node.Scalar s ? s.text() : ClassifyConfig.WORKLOAD;
        Class<? extends Record> type = CONFIGS.get(workload);
        assertTrue(type != null, file + " names workload " + workload);
        assertEquals(type, Config.bind(type, tree).getClass());
    }
}
