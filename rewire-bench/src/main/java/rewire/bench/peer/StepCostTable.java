package rewire.bench.peer;

import java.util.List;
import java.util.Locale;

/**
 * The per-step cost table of docs/benchmarks-steps.md: one row per {@link StepPhase}, one column
 * per profiled run, each cell the phase's milliseconds per step and its share of the step; then
 * the step's wall time and the sum of the parts that do not scale with nonzeros (for a sparse run:
 * a dense run's GEMMs are its weight products).
 */
final class StepCostTable {
    private StepCostTable() {
    }

    static String markdown(List<StepProfile> runs) {
        StringBuilder t = new StringBuilder("| Part of a step | Scales with nnz |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (StepProfile r : runs) {
            t.append(' ').append(r.method().equals("dense") ? "dense" : "RigL " + percent(r.density()))
                    .append(" (ms) |");
            rule.append("---:|");
        }
        t.append('\n').append(rule).append('\n');
        for (StepPhase p : StepPhase.values()) {
            t.append("| ").append(p.label()).append(" | ").append(p.scalesWithNnz() ? "yes" : "no").append(" |");
            for (StepProfile r : runs) {
                t.append(String.format(Locale.ROOT, " %.3f (%.0f%%) |", r.msPerStep(p),
                        100 * r.msPerStep(p) / r.msPerStep()));
            }
            t.append('\n');
        }
        t.append("| **parts that do not scale with nnz** | no |");
        for (StepProfile r : runs) {
            if (r.method().equals("dense")) {
                t.append(" n/a (dense) |");  // its GEMMs are the weight products
                continue;
            }
            double fixed = 0;
            for (StepPhase p : StepPhase.values()) {
                fixed += p.scalesWithNnz() ? 0 : r.msPerStep(p);
            }
            t.append(String.format(Locale.ROOT, " %.3f (%.0f%%) |", fixed, 100 * fixed / r.msPerStep()));
        }
        t.append("\n| **step (wall clock)** | |");
        for (StepProfile r : runs) {
            t.append(String.format(Locale.ROOT, " %.3f |", r.msPerStep()));
        }
        t.append("\n| steps profiled (JFR samples) | |");
        for (StepProfile r : runs) {
            t.append(' ').append(r.steps()).append(" (").append(r.totalSamples()).append(") |");
        }
        return t.append('\n').toString();
    }

    private static String percent(double density) {
        return String.format(Locale.ROOT, "%s%%", new java.math.BigDecimal(Double.toString(100 * density))
                .stripTrailingZeros().toPlainString());
    }
}
