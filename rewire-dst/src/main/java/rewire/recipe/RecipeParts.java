package rewire.recipe;

import rewire.sparsity.Constraint;
import rewire.sparsity.Distribution;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.GrowthInit;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.Scope;

/** Parsing the text values of recipe options into parts. */
final class RecipeParts {
    private RecipeParts() {
    }

    /** {@code magnitude, set, set-equal-split, mest, snip, sensitivity, rsensitivity, taylor, random, ri}. */
    static PruneCriterion prune(String name, double mestGamma) {
        return switch (name) {
            case "magnitude" -> PruneCriterion.magnitude();
            case "set" -> PruneCriterion.set();
            case "set-equal-split" -> PruneCriterion.setEqualSplit();
            case "mest" -> PruneCriterion.mest(mestGamma);
            case "snip" -> PruneCriterion.snip();
            case "sensitivity" -> PruneCriterion.sensitivity();
            case "rsensitivity" -> PruneCriterion.reciprocalSensitivity();
            case "taylor" -> PruneCriterion.taylor();
            case "random" -> PruneCriterion.random();
            case "ri" -> PruneCriterion.relativeImportance();
            default -> throw new IllegalArgumentException("unknown prune criterion '" + name + "'; use magnitude, set, "
                    + "set-equal-split, mest, snip, sensitivity, rsensitivity, taylor, random or ri");
        };
    }

    /** {@code random, gradient, momentum, none}, or a criterion registered under that name. */
    static GrowCriterion grow(String name, Recipes registry) {
        return switch (name) {
            case "random" -> GrowCriterion.random();
            case "gradient" -> GrowCriterion.gradient();
            case "momentum" -> GrowCriterion.momentum();
            case "none" -> GrowCriterion.none();
            default -> registry.growCriterion(name);
        };
    }

    /** {@code unstructured, fan-in, N:M (such as 2:4), block:RxC (such as block:4x4), diagonal}. */
    static Constraint constraint(String text) {
        if (text.equals("unstructured")) {
            return Constraint.unstructured();
        }
        if (text.equals("fan-in")) {
            return Constraint.constantFanIn();
        }
        if (text.equals("diagonal")) {
            return Constraint.diagonal();
        }
        try {
            if (text.startsWith("block:")) {
                String[] rc = text.substring(6).split("x");
                return Constraint.block(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
            }
            String[] nm = text.split(":");
            if (nm.length == 2) {
                return Constraint.nOfM(Integer.parseInt(nm[0]), Integer.parseInt(nm[1]));
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed constraint '" + text + "'", e);
        }
        throw new IllegalArgumentException("unknown constraint '" + text
                + "'; use unstructured, fan-in, N:M (2:4), block:RxC (block:4x4) or diagonal");
    }

    /** {@code uniform, er, erk}. */
    static Distribution distribution(String name) {
        return switch (name) {
            case "uniform" -> Distribution.uniform();
            case "er" -> Distribution.erdosRenyi();
            case "erk" -> Distribution.erdosRenyiKernel();
            default -> throw new IllegalArgumentException("unknown distribution '" + name + "'; use uniform, er or erk");
        };
    }

    /** {@code zero, normal:STD, he}. */
    static GrowthInit init(String text) {
        if (text.equals("zero")) {
            return GrowthInit.zero();
        }
        if (text.equals("he")) {
            return GrowthInit.heByFanIn();
        }
        if (text.startsWith("normal:")) {
            try {
                return GrowthInit.normal(Double.parseDouble(text.substring(7)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed init '" + text + "'", e);
            }
        }
        throw new IllegalArgumentException("unknown init '" + text + "'; use zero, normal:STD or he");
    }

    /** {@code layer, global}. */
    static Scope scope(String name) {
        return switch (name) {
            case "layer" -> Scope.PER_LAYER;
            case "global" -> Scope.GLOBAL;
            default -> throw new IllegalArgumentException("unknown scope '" + name + "'; use layer or global");
        };
    }

    /** A step count as a fraction of the run. */
    static long stepsAt(Recipes.Plan plan, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a fraction of the run must be in [0, 1], got " + fraction);
        }
        return Math.max(1, Math.round(fraction * plan.totalSteps()));
    }
}
