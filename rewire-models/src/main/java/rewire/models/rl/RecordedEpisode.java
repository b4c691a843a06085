package rewire.models.rl;

import java.util.List;
import java.util.Locale;
import rewire.models.rl.env.Scene;
import rewire.models.rl.env.SceneText;

/**
 * One recorded episode for people to look at ({@code rewire sample}): the scene before the first
 * step and after every step, with the action taken (as the environment took it) and the reward.
 *
 * @param task   the task's name
 * @param seed   the seed of the episode's start
 * @param frames the start (step 0, no action) and every step after it
 */
public record RecordedEpisode(String task, long seed, List<Frame> frames) {

    public RecordedEpisode {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an episode has at least its start");
        }
    }

    /**
     * The state after {@code step} steps.
     *
     * @param action the action of the step that led here, null at the start
     * @param reward that step's reward (0 at the start)
     * @param total  the return so far
     */
    public record Frame(int step, Scene scene, float[] action, double reward, double total) {
    }

    /** Steps played. */
    public int length() {
        return frames.size() - 1;
    }

    public double totalReward() {
        return frames.get(frames.size() - 1).total();
    }

    /** About {@code count} frames evenly spaced from the start to the last step, both included. */
    public List<Frame> spaced(int count) {
        if (count < 2 || length() < count) {
            return count < 2 ? List.of(frames.get(frames.size() - 1)) : frames;
        }
        return java.util.stream.IntStream.range(0, count).mapToObj(k -> frames.get((int) Math.round(
                (double) k * length() / (count - 1)))).toList();
    }

    /** A text rendering of {@code count} spaced frames, each a grid {@code columns} characters wide. */
    public String text(int count, int columns) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s, greedy episode (seed %d): return %.2f over %d steps%n", task, seed, totalReward(), length()));
        for (Frame f : spaced(count)) {
            out.append('\n').append(header(f)).append('\n').append(SceneText.fitting(f.scene(), columns)
                    .render(f.scene()));
        }
        return out.toString();
    }

    /** "step 25/200  action [+1.23]  reward -0.52  return -40.10", or "step 0/200  start". */
    public String header(Frame f) {
        if (f.action() == null) {
            return String.format(Locale.ROOT, "step 0/%d  start", length());
        }
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < f.action().length; i++) {
            a.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%+.2f", f.action()[i]));
        }
        return String.format(Locale.ROOT, "step %d/%d  action %s]  reward %+.3f  return %.2f", f.step(), length(), a,
                f.reward(), f.total());
    }
}
