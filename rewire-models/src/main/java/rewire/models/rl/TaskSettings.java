package rewire.models.rl;

import rewire.models.rl.env.Task;

/**
 * The environment section of an RL run.
 *
 * @param task         the control task
 * @param envs         copies stepped together; each training step takes one step in every copy
 * @param evalEpisodes greedy episodes per evaluation, played together
 */
public record TaskSettings(Task task, int envs, int evalEpisodes) {

    public TaskSettings {
        if (task == null) {
            throw new IllegalArgumentException("env.task must name a task");
        }
        if (envs < 1 || evalEpisodes < 1) {
            throw new IllegalArgumentException("env: need envs >= 1 and evalEpisodes >= 1, got " + envs + " and "
                    + evalEpisodes);
        }
    }

    public static TaskSettings defaults() {
        return new TaskSettings(Task.PENDULUM, 1, 10);
    }
}
