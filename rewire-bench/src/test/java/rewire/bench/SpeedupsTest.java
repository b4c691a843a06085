package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Pairing of sparse and dense runs, medians over repetitions, and the crossover density. */
class SpeedupsTest {
    private static final LayerRun.Config CONFIG = new LayerRun.Config("1000x1000", 128, 1);

    private static LayerRun run(String op, String weights, double density, int rep, double ms) {
        return new LayerRun(op, weights, CONFIG, density, rep, ms);
    }

    @Test
    void speedupIsTheMedianOfRatiosToTheDenseRunOfTheSameRepetitionAndDensity() {
        List<LayerRun> runs = new ArrayList<>();
        // dense times drift between repetitions; each sparse run must be compared with its own partner
        double[] dense = {10, 20, 40};
        double[] sparse = {2, 5, 4};
        for (int rep = 0; rep < 3; rep++) {
            runs.add(run("step", "dense", 0.1, rep + 1, dense[rep]));
            runs.add(run("step", "sparse", 0.1, rep + 1, sparse[rep]));
        }
        Speedups.Row row = new Speedups(runs).rows(CONFIG).get(0);
        assertEquals(4.0, row.sparseMs().get("step"));     // median of 2, 5, 4
        assertEquals(20.0, row.denseMs().get("step"));     // median of 10, 20, 40
        assertEquals(5.0, row.speedup().get("step"));      // median of 5, 4, 10 (not 20 / 4)
        assertEquals(0.5, row.fractionOfIdeal(), 1e-12);
    }

    @Test
    void unpairedGridsUseTheMedianDenseTimeOfTheRepetition() {
        List<LayerRun> runs = List.of(
                run("forward", "dense", 1.0, 1, 8),
                run("forward", "sparse", 0.01, 1, 0.5),
                run("forward", "sparse", 0.1, 1, 2));
        List<Speedups.Row> rows = new Speedups(runs).rows(CONFIG);
        assertEquals(16.0, rows.get(0).speedup().get("forward"));
        assertEquals(4.0, rows.get(1).speedup().get("forward"));
    }

    @Test
    void crossoverIsInterpolatedInLogLogBetweenTheBracketingDensities() {
        List<LayerRun> runs = List.of(
                run("step", "dense", 0.1, 1, 10), run("step", "sparse", 0.1, 1, 5),   // speedup 2
                run("step", "dense", 0.4, 1, 10), run("step", "sparse", 0.4, 1, 20)); // speedup 0.5
        OptionalDouble crossover = Speedups.crossover(new Speedups(runs).rows(CONFIG));
        assertTrue(crossover.isPresent());
        // log speedup falls linearly from log 2 to -log 2 as log density goes from log 0.1 to log 0.4
        assertEquals(0.2, crossover.getAsDouble(), 1e-12);
    }

    @Test
    void noCrossoverWhenSparseWinsEverywhere() {
        List<LayerRun> runs = List.of(
                run("step", "dense", 0.1, 1, 10), run("step", "sparse", 0.1, 1, 1),
                run("step", "dense", 1.0, 1, 10), run("step", "sparse", 1.0, 1, 9));
        assertTrue(Speedups.crossover(new Speedups(runs).rows(CONFIG)).isEmpty());
    }
}
