package rewire.models.rl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenes drawn in characters: coordinates land in the right cells, and every task's state draws. */
class SceneTextTest {

    @Test
    void marksLandInTheirCellsWithYUp() {
        Scene scene = new Scene(0, 4, 0, 2, List.of(new Scene.Segment(0, 0.5, 4, 0.5, '-'), new Scene.Dot(3.5, 1.5, 0.1, 'o')),
                "caption");
        assertEquals("   o\n----\ncaption\n", new SceneText(4, 2).render(scene));
    }

    @Test
    void anUprightCartPoleShowsItsPoleAboveTheCart() {
        String text = new SceneText(48, 12).render(new CartPole().scene(new double[] {0, 0, 0, 0}));
        String[] lines = text.split("\n");
        int pole = lines[2].indexOf('|');
        assertTrue(pole > 20 && pole < 28, text);
        assertTrue(lines[lines.length - 1].startsWith("x=+0.000  θ=+0.0°"), text);
        for (Task task : Task.values()) {
            ControlEnv env = task.create(1);
            env.reset(new float[env.observationSize()]);
            assertTrue(new SceneText(40, 10).render(env.scene()).lines().count() == 11, task.toString());
            String fitted = SceneText.fitting(env.scene(), 40).render(env.scene());
            double aspect = (env.scene().yMax() - env.scene().yMin()) / (env.scene().xMax() - env.scene().xMin());
            assertEquals(Math.max(2, Math.round(20 * aspect)) + 1, fitted.lines().count(), task + " in proportion");
        }
    }
}
