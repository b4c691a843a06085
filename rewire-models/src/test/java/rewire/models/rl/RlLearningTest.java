package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.rl.env.ControlEnv;
import rewire.models.rl.env.Task;
import rewire.run.RunSpec;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.Trainer;

/**
 * The smoke run of the issue: SAC with the module-specific policy (dense encoder, RigL critic,
 * static actor at sparsity 0.6) learns Pendulum-v1 within 2,500 updates and beats a uniformly
 * random policy clearly. A random policy returns about -1,200 per episode; a solved pendulum about
 * -150.
 */
class RlLearningTest {

    /** Mean return of uniformly random torques over {@code episodes} episodes. */
    static double randomReturn(Task task, int episodes, long seed) {
        Rng rng = new Rng(seed);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            ControlEnv env = task.create(rng.nextLong());
            float[] obs = new float[env.observationSize()];
            float[] action = new float[env.actions().dims()];
            env.reset(obs);
            ControlEnv.Outcome o;
            do {
                env.actions().sample(rng, action);
                o = env.step(action, obs);
                total += o.reward();
            } while (!o.done());
        }
        return total / episodes;
    }

    @Test
    void sacWithTheModuleSpecificPolicyBeatsARandomPolicyClearlyOnPendulum() {
        RlConfig config = Config.load(RlConfig.class, List.of("seed=2", "agent.batchSize=64", "agent.startSteps=500",
                "agent.latent=32", "network.encoder.width=32", "network.critic.width=32", "network.actor.width=32",
                "optim.encoder.lr=0.001", "optim.critic.lr=0.001", "optim.actor.lr=0.001", "diagnostics.every=0",
                "agent.stepsPerEpoch=500", "train.epochs=5", "env.evalEpisodes=10"));
        RunSpec spec = RlRuns.spec(config, Kernels.defaults());
        Evaluation trained = Trainer.fit(spec.workload(), spec.totalSteps(), spec.seed());
        double random = randomReturn(Task.PENDULUM, 10, 5);
        double learned = trained.get("return");
        assertTrue(random < -1000, "a random policy on Pendulum returns about -1200: " + random);
        assertTrue(learned > random + 400, "SAC after " + spec.totalSteps() + " updates: " + learned + ", random: "
                + random);
    }
}
