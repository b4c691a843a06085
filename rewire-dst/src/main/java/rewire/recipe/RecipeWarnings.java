package rewire.recipe;

import java.util.ArrayList;
import java.util.List;
import rewire.optim.Schedule;
import rewire.sparsity.Cadence;
import rewire.sparsity.Constraint;
import rewire.sparsity.LayerShape;
import rewire.sparsity.Rewirer;

/**
 * What a recipe will do on a run that its configuration does not show (issue 14's "silent
 * surprises"): a constraint that holds a layer at another density than requested (2:4 turns 0.1
 * into 0.5), a run that ends before the first topology update, a density schedule that the run's
 * last update does not reach (a GMP run that ends dense).
 */
final class RecipeWarnings {
    // a layer's feasible density may differ from the request by this share of the request (rounding)
    private static final double DENSITY_SLACK = 0.1;
    // a schedule counts as reached within this density
    private static final double REACHED = 0.005;

    private RecipeWarnings() {
    }

    static List<String> of(Recipe recipe, List<LayerShape> shapes) {
        List<String> out = new ArrayList<>();
        Rewirer r = recipe.rewirer();
        constraint(r, shapes, recipe.initialDensity(), out);
        if (r.density() != null && recipe.plan().density() != recipe.initialDensity()) {
            constraint(r, shapes, recipe.plan().density(), out);
        }
        if (!r.cadence().equals(Cadence.never())) {
            updates(recipe, out);
        }
        return List.copyOf(out);
    }

    private static void constraint(Rewirer r, List<LayerShape> shapes, double density, List<String> out) {
        Constraint c = r.constraint();
        int[] requested = r.distribution().nnz(shapes, density);
        for (int i = 0; i < shapes.size(); i++) {
            LayerShape s = shapes.get(i);
            int feasible;
            try {
                feasible = c.feasibleNnz(s.rows(), s.cols(), requested[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("constraint " + c.name() + " cannot hold layer " + s.name() + " ("
                        + s.rows() + " x " + s.cols() + "): " + e.getMessage(), e);
            }
            if (Math.abs(feasible - requested[i]) > DENSITY_SLACK * Math.max(1, requested[i])) {
                out.add("constraint " + c.name() + " holds layer " + s.name() + " (" + s.rows() + " x " + s.cols()
                        + ") at density " + Parts.number(round(feasible / (double) s.size())) + ", not the requested "
                        + Parts.number(round(requested[i] / (double) s.size())));
            }
        }
    }

    private static void updates(Recipe recipe, List<String> out) {
        Rewirer r = recipe.rewirer();
        long total = recipe.plan().totalSteps();
        long last = r.cadence().lastUpdateBefore(total);
        if (last < 0) {
            out.add("no topology update will happen: the run has " + total + " steps, and updates come "
                    + r.cadence().describe());
        }
        Schedule density = r.density();
        if (density == null) {
            return;
        }
        double planned = density.at(Long.MAX_VALUE / 2);
        double reached = last < 0 ? recipe.initialDensity() : density.at(last);
        if (Math.abs(planned - reached) > REACHED) {
            out.add("the density schedule ends at " + Parts.number(round(planned)) + ", but "
                    + (last < 0 ? "the model keeps its initial density " : "the run's last update (step " + last
                    + " of " + total + ") leaves density ") + Parts.number(round(reached))
                    + (reached == 1 ? " (dense)" : ""));
        }
    }

    private static double round(double density) {
        return Math.round(density * 1e3) / 1e3;
    }
}
