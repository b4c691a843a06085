package rewire.models.marl.env;

/**
 * SMAC's shaped team reward ({@code reward_battle} in Samvelyan et al. 2019's environment): the
 * health plus shield the enemies lost this step, {@code deathValue} per enemy killed, {@code win}
 * on victory; with {@code onlyPositive} (SMAC's default) the absolute value of that sum is the
 * reward (SMAC takes the absolute value so that enemy shield regeneration cannot make it
 * negative), otherwise the allies' losses and deaths are subtracted with weight
 * {@code negativeScale}. The reward is divided by {@code maxReward / scaleRate}, where
 * {@code maxReward} = enemies x deathValue + win + the enemies' total maximum health and shield, so
 * an episode won without regeneration returns exactly {@code scaleRate}.
 *
 * @param onlyPositive SMAC's {@code reward_only_positive} (default true)
 * @param deathValue reward per enemy killed ({@code reward_death_value}, default 10)
 * @param win reward for winning ({@code reward_win}, default 200)
 * @param defeat reward for losing ({@code reward_defeat}, default 0; non-positive)
 * @param negativeScale weight of the allies' losses when not {@code onlyPositive} (default 0.5)
 * @param scaleRate the return of a perfect episode ({@code reward_scale_rate}, default 20)
 */
public record SmacReward(boolean onlyPositive, double deathValue, double win, double defeat, double negativeScale,
                         double scaleRate) {

    public SmacReward {
        if (deathValue < 0 || win < 0 || defeat > 0 || negativeScale < 0 || scaleRate <= 0) {
            throw new IllegalArgumentException("invalid reward settings: deathValue=" + deathValue + " win=" + win
                    + " defeat=" + defeat + " negativeScale=" + negativeScale + " scaleRate=" + scaleRate);
        }
    }

    /** SMAC's defaults. */
    public static SmacReward defaults() {
        return new SmacReward(true, 10, 200, 0, 0.5, 20);
    }

    /** The unscaled return of a perfect episode against {@code scenario}'s enemies. */
    public double maxReward(Scenario scenario) {
        double total = win + deathValue * scenario.enemies().size();
        for (Scenario.Placement p : scenario.enemies()) {
            total += p.type().health() + p.type().shield();
        }
        return total;
    }

    /**
     * The scaled reward of one step.
     *
     * @param before health + shield of every ally then every enemy at the start of the step (0 if dead)
     * @param after the same at the end of the step
     * @param allies number of allies (the first entries of the arrays)
     * @param outcome how the episode stands after the step
     */
    double step(double[] before, double[] after, int allies, MultiAgentEnv.Outcome outcome, double maxReward) {
        double enemyLoss = 0;
        double deaths = 0;
        double allyLoss = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] <= 0) {
                continue; // died earlier: counted once, when it died
            }
            boolean died = after[i] <= 0;
            if (i >= allies) {
                enemyLoss += before[i] - after[i];
                deaths += died ? deathValue : 0;
            } else {
                allyLoss += negativeScale * (before[i] - after[i]);
                deaths -= died && !onlyPositive ? deathValue * negativeScale : 0;
            }
        }
        double reward = onlyPositive ? Math.abs(enemyLoss + deaths) : enemyLoss + deaths - allyLoss;
        if (outcome == MultiAgentEnv.Outcome.WON) {
            reward += win;
        } else if (outcome == MultiAgentEnv.Outcome.LOST) {
            reward += defeat;
        }
        return reward / (maxReward / scaleRate);
    }
}
