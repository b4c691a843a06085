package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.models.marl.NetworkSettings.MixerKind;
import rewire.run.LoopSettings;
import rewire.run.RunSpec;
import rewire.train.Evaluation;
import rewire.train.OptimSettings;
import rewire.train.SparsitySettings;
import rewire.train.Trainer;

/** Short learning runs on the coordination game: the learners beat a random policy by far. */
class MarlLearningTest {

    static MarlConfig small(MixerKind mixer, MastSettings mast, SparsitySettings sparsity, int episodes) {
        MarlConfig d = MarlConfig.defaults();
        LearnerSettings l = new LearnerSettings(8, 0.9, 20, 500, 1.0, 0.05, 400, TdTargets.Kind.ONESTEP, 3, 0.6, true,
                20, episodes);
        return new MarlConfig(d.workload(), "test", 3, d.env(), new NetworkSettings(mixer, 16, 16, 8), l, mast,
                new LoopSettings(1, 50, 0, 0, 3, 0, Path.of("runs")),
                new OptimSettings(OptimSettings.Optimizer.ADAM, 3e-3, 0.9, 0.999, 1e-5, 0, false,
                        OptimSettings.RateSchedule.CONSTANT, 0, 0, 1000, 0.1, 10), sparsity);
    }

    static Evaluation train(MarlConfig config) {
        RunSpec spec = MarlRuns.spec(config, seed -> new CoordinationGame(2, 10, 5, seed), Kernels.defaults());
        return Trainer.fit(spec.workload(), spec.totalSteps(), config.seed());
    }

    @Test
    void denseQmixLearnsToCoordinate() {
        Evaluation e = train(small(MixerKind.QMIX, MastSettings.defaults(), new SparsitySettings("dense", 1, List.of()),
                300));
        // a random policy earns about 10/9 per episode and practically never wins
        assertTrue(e.get("return") > 4.0, "return " + e.values());
    }

    @Test
    void sparseMastWithRigLLearnsToCoordinate() {
        MastSettings mast = new MastSettings(true, 10, 1, true, 600, 0.6, true, 10, 0.25);
        SparsitySettings rigl = new SparsitySettings("rigl", 0.3, List.of("deltaT=50", "zeta=0.5", "distribution=uniform"));
        MarlConfig config = small(MixerKind.VDN, mast, rigl, 300);
        RunSpec spec = MarlRuns.spec(config, seed -> new CoordinationGame(2, 10, 5, seed), Kernels.defaults());
        double density = MetricsDensity.of(spec.workload().groups().get(0).sparseLayers());
        Evaluation e = Trainer.fit(spec.workload(), spec.totalSteps(), config.seed());
        assertTrue(e.get("return") > 4.0, "return " + e.values());
        assertEquals(density, MetricsDensity.of(spec.workload().groups().get(0).sparseLayers()), 1e-9);
        assertTrue(density < 0.31, "density " + density);
    }
}
