package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseLinear;
import rewire.run.RunSpec;
import rewire.sparse.SparsityPattern;
import rewire.train.ParamGroup;
import rewire.train.Trainer;

/**
 * The configuration tests of Module-Specific Training (METHODS G): each role gets its regime's
 * recipe, a static module's mask never changes, a dense module reports density 1, the DST module
 * conserves its connection count while it rewires, the gradual regimes reach their densities,
 * and target networks follow their online masks.
 */
class ModuleSpecificPolicyTest {

    private static ParamGroup group(RunSpec spec, Role role) {
        return spec.workload().groups().stream().filter(g -> g.name().equals(role.group())).findFirst().orElseThrow();
    }

    private static List<SparsityPattern> patterns(ParamGroup g) {
        return ((AgentModule) g.module()).layers().stream().map(l -> l.weight().pattern()).toList();
    }

    private static long nnz(ParamGroup g) {
        return ((AgentModule) g.module()).layers().stream().mapToLong(l -> l.weight().pattern().nnz()).sum();
    }

    @Test
    void theDefaultIsADenseEncoderADstCriticAndAStaticActorAtSparsitySixTenthsWithErBudgets() {
        ModuleSpecificPolicy policy = ModuleSpecificPolicy.defaults();
        assertEquals(Regime.DENSE, policy.encoder().regime());
        assertEquals(Regime.DST, policy.critic().regime());
        assertEquals(Regime.STATIC, policy.actor().regime());
        assertNull(policy.recipe(Role.ENCODER, 1000, 100));
        assertEquals("rigl[distribution=er]", policy.recipe(Role.CRITIC, 1000, 100).name());
        assertEquals("static[distribution=er]", policy.recipe(Role.ACTOR, 1000, 100).name());
        assertEquals(0.4, policy.recipe(Role.CRITIC, 1000, 100).plan().density(), 1e-12);
        Map<Regime, String> recipes = Map.of(Regime.DENSE_TO_SPARSE, "gmp[distribution=er]",
                Regime.SPARSE_TO_DENSE, "sparse-to-dense[distribution=er]");
        recipes.forEach((regime, name) -> assertEquals(name, ModuleSpecificPolicy.uniform(regime)
                .recipe(Role.ACTOR, 1000, 100).name()));
        assertEquals("rigl[deltaT=50,distribution=uniform]", new ModuleRegime(Regime.DST, 0.6,
                List.of("deltaT=50", "distribution=uniform")).recipe(1000, 100).name(), "the user's budget wins");
    }

    @Test
    void eachGroupTrainsUnderItsRegime() {
        RunSpec spec = SmallRuns.spec();
        ParamGroup encoder = group(spec, Role.ENCODER);
        ParamGroup critic = group(spec, Role.CRITIC);
        ParamGroup actor = group(spec, Role.ACTOR);
        List<SparsityPattern> actorBefore = patterns(actor);
        List<SparsityPattern> criticBefore = patterns(critic);
        long criticNnz = nnz(critic);
        Trainer.fit(spec.workload(), spec.totalSteps(), spec.seed());

        assertNull(encoder.recipe());
        assertEquals(1.0, encoder.density(), "a dense module reports density 1");
        assertEquals(1.0, ((AgentModule) encoder.module()).density());
        assertEquals(actorBefore, patterns(actor), "a static module's mask never changes");
        assertEquals(0.4, actor.density(), 0.02);
        assertEquals(criticNnz, nnz(critic), "the DST module conserves nnz");
        assertNotEquals(criticBefore, patterns(critic), "and rewires");
        SacLearner sac = (SacLearner) ((RlWorkload) spec.workload()).learner();
        TargetNetwork<?> criticTarget = sac.targets().get(1);
        List<SparseLinear> online = ((AgentModule) criticTarget.online()).layers();
        List<SparseLinear> target = ((AgentModule) criticTarget.target()).layers();
        for (int i = 0; i < online.size(); i++) {
            assertEquals(online.get(i).weight().pattern(), target.get(i).weight().pattern(),
                    "the target critic follows the online mask, layer " + i);
        }
    }

    @Test
    void gradualRegimesReachTheirDensities() {
        RunSpec spec = SmallRuns.spec("policy.actor.regime=dense-to-sparse", "policy.actor.options=[deltaT=5]",
                "policy.critic.regime=sparse-to-dense", "policy.critic.options=[deltaT=5]");
        ParamGroup actor = group(spec, Role.ACTOR);
        ParamGroup critic = group(spec, Role.CRITIC);
        assertEquals(1.0, actor.density(), "dense-to-sparse starts dense");
        assertEquals(0.4, critic.density(), 0.02, "sparse-to-dense starts at 1 - sparsity");
        Trainer.fit(spec.workload(), spec.totalSteps(), spec.seed());
        assertEquals(0.4, actor.density(), 0.02, "and ends at 1 - sparsity");
        assertEquals(1.0, critic.density(), "and ends dense");
    }

    @Test
    void badRegimesAndMismatchedAlgorithmsFailBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModuleRegime(Regime.DST, 0, List.of()));
        assertTrue(e.getMessage().contains("needs a sparsity above 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModuleRegime(Regime.DENSE, 0.6, List.of("zeta=0.1")));
        assertTrue(e.getMessage().contains("a dense module has no recipe"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModuleRegime(Regime.DST, 0.6, List.of("zeta=2")));
        assertTrue(e.getMessage().contains("zeta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SmallRuns.spec("agent.algorithm=dqn"));
        assertEquals("agent.algorithm dqn cannot act in env.task pendulum, whose actions are continuous: use sac or td3",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SmallRuns.spec("env.task=cartpole"));
        assertTrue(e.getMessage().endsWith("whose actions are discrete: use dqn"), e.getMessage());
    }
}
