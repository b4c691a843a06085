package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.models.rl.env.ControlEnv;
import rewire.models.rl.env.Task;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Evaluation: whole episodes with the learner's greedy actions, played together (one forward pass
 * per step for every episode still running) on environments of their own, seeded from the run's
 * seed and the training step, so an evaluation after step {@code t} meets the same starts whenever
 * it runs.
 */
final class GreedyEpisodes {
    private final Task task;
    private final int episodes;
    private final Rng seed;

    GreedyEpisodes(Task task, int episodes, Rng seed) {
        this.task = task;
        this.episodes = episodes;
        this.seed = seed;
    }

    /** The undiscounted returns and lengths of the episodes. */
    record Results(double[] returns, int[] lengths) {
        double meanReturn() {
            double sum = 0;
            for (double r : returns) {
                sum += r;
            }
            return sum / returns.length;
        }

        /** The sample standard deviation of the returns (0 for one episode). */
        double returnStd() {
            if (returns.length < 2) {
                return 0;
            }
            double mean = meanReturn();
            double sq = 0;
            for (double r : returns) {
                sq += (r - mean) * (r - mean);
            }
            return Math.sqrt(sq / (returns.length - 1));
        }

        double meanLength() {
            double sum = 0;
            for (int l : lengths) {
                sum += l;
            }
            return sum / lengths.length;
        }
    }

    /** One greedy episode from the start {@code seed} draws, every state recorded. */
    RecordedEpisode record(Learner learner, Tape tape, long seed) {
        ControlEnv env = task.create(seed);
        float[] obs = new float[env.observationSize()];
        env.reset(obs);
        List<RecordedEpisode.Frame> frames = new ArrayList<>();
        frames.add(new RecordedEpisode.Frame(0, env.scene(), null, 0, 0));
        float[][] chosen = new float[1][env.actions().dims()];
        double total = 0;
        ControlEnv.Outcome o;
        do {
            learner.act(tape, Experience.columns(new float[][] {obs}), false, 0, this.seed, chosen);
            float[] action = new float[chosen[0].length];
            env.actions().fromNormalized(chosen[0], action);
            o = env.step(action, obs);
            total += o.reward();
            frames.add(new RecordedEpisode.Frame(frames.size(), env.scene(), action, o.reward(), total));
        } while (!o.done());
        return new RecordedEpisode(env.dynamics().id(), seed, frames);
    }

    /** Plays the episodes of the evaluation after {@code stepsDone} training steps. */
    Results play(Learner learner, Tape tape, long stepsDone) {
        Rng root = seed.fold(stepsDone);
        List<ControlEnv> envs = new ArrayList<>();
        float[][] obs = new float[episodes][];
        for (int i = 0; i < episodes; i++) {
            ControlEnv env = task.create(root.fold(i).nextLong());
            obs[i] = new float[env.observationSize()];
            env.reset(obs[i]);
            envs.add(env);
        }
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        boolean[] done = new boolean[episodes];
        float[][] chosen = new float[episodes][envs.get(0).actions().dims()];
        float[] action = new float[chosen[0].length];
        int running = episodes;
        while (running > 0) {
            Tensor columns = Experience.columns(obs);
            learner.act(tape, columns, false, 0, root, chosen);
            for (int i = 0; i < episodes; i++) {
                if (done[i]) {
                    continue;
                }
                envs.get(i).actions().fromNormalized(chosen[i], action);
                ControlEnv.Outcome o = envs.get(i).step(action, obs[i]);
                returns[i] += o.reward();
                lengths[i]++;
                if (o.done()) {
                    done[i] = true;
                    running--;
                }
            }
        }
        return new Results(returns, lengths);
    }
}
