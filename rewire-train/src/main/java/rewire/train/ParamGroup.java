package rewire.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.optim.Schedule;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.sparsity.FlopCounter;

/**
 * A named set of parameters trained together: one module's parameters, the optimizer that updates
 * them, the DST recipe that rewires their sparse layers (or none), and the layers that count their
 * training FLOPs. A workload declares one group (a classifier, a language model) or several (a
 * GAN's generator and discriminator, an agent's encoder, critic and actor), each with its own
 * optimizer and sparsity regime; {@link StepContext#update} applies one group's update.
 *
 * @param name          unique within the workload ("model", "generator", "critic")
 * @param module        whose parameters this group trains
 * @param optimizer     the update rule; null for a frozen group (a teacher), whose parameters are
 *                      checkpointed but never updated
 * @param learningRate  the learning rate per step, for logs; null when not applicable
 * @param recipe        the DST recipe of the sparse layers, or null for a group that is never rewired
 * @param sparseLayers  the layers the recipe rewires, in model order
 * @param kernelShapes  the full weight shape of each sparse layer for layer-wise budgets (a
 *                      convolution's {@code (out, in, kh, kw)}), aligned with {@code sparseLayers}
 * @param flopLayers    every linear layer of the group for FLOP accounting: sparse layers named as
 *                      their weight parameter, dense ones at full density
 */
public record ParamGroup(String name, Module module, Transform optimizer, Schedule learningRate, Recipe recipe,
                         List<SparseLinear> sparseLayers, List<int[]> kernelShapes,
                         List<FlopCounter.Layer> flopLayers) {

    public ParamGroup {
        sparseLayers = List.copyOf(sparseLayers);
        kernelShapes = List.copyOf(kernelShapes);
        flopLayers = List.copyOf(flopLayers);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("group name '" + name + "' must be lower-case letters, digits and '-'");
        }
        if (kernelShapes.size() != sparseLayers.size()) {
            throw new IllegalArgumentException("group " + name + ": " + kernelShapes.size() + " kernel shapes for "
                    + sparseLayers.size() + " sparse layers");
        }
        if (recipe != null && optimizer == null) {
            throw new IllegalArgumentException("group " + name + " is frozen (no optimizer) but has a recipe");
        }
        requireOwned(name, module, sparseLayers, flopLayers);
    }

    /** A builder for group {@code name} over {@code module}'s parameters. */
    public static Builder builder(String name, Module module) {
        return new Builder(name, module);
    }

    /** The parameters this group trains (the module's, in module order). */
    public List<Param> params() {
        return module.params();
    }

    /** Whether the group is never updated. */
    public boolean frozen() {
        return optimizer == null;
    }

    /** nnz over dense size across the sparse layers; 1 when there are none. */
    public double density() {
        long nnz = 0;
        long size = 0;
        for (SparseLinear l : sparseLayers) {
            nnz += l.weight().pattern().nnz();
            size += (long) l.out() * l.in();
        }
        return size == 0 ? 1 : (double) nnz / size;
    }

    // the sparse layers are the module's, and each one counts its FLOPs under its weight's name
    private static void requireOwned(String name, Module module, List<SparseLinear> sparse,
                                     List<FlopCounter.Layer> flops) {
        Map<Param, Boolean> owned = new IdentityHashMap<>();
        module.params().forEach(p -> owned.put(p, true));
        Set<String> counted = new HashSet<>();
        flops.forEach(f -> counted.add(f.name()));
        for (SparseLinear l : sparse) {
            if (!owned.containsKey(l.weight())) {
                throw new IllegalArgumentException("group " + name + ": sparse layer " + l.weight().name()
                        + " is not part of the group's module");
            }
            if (!counted.contains(l.weight().name())) {
                throw new IllegalArgumentException("group " + name + ": sparse layer " + l.weight().name()
                        + " is missing from the FLOP layers " + counted);
            }
        }
    }

    /** Assembles a {@link ParamGroup}; by default dense (no recipe, no sparse layers) and frozen. */
    public static final class Builder {
        private final String name;
        private final Module module;
        private Transform optimizer;
        private Schedule learningRate;
        private Recipe recipe;
        private List<SparseLinear> sparseLayers = List.of();
        private List<int[]> kernelShapes = List.of();
        private List<FlopCounter.Layer> flopLayers = List.of();

        private Builder(String name, Module module) {
            this.name = name;
            this.module = module;
        }

        /** The update rule, and its learning rate per step for logs (or null). */
        public Builder optimizer(Transform rule, Schedule rate) {
            optimizer = rule;
            learningRate = rate;
            return this;
        }

        /** The DST recipe of the sparse layers; null keeps their topology fixed. */
        public Builder recipe(Recipe r) {
            recipe = r;
            return this;
        }

        /** The sparse layers with their matrix shapes {@code (rows, cols)} as kernel shapes. */
        public Builder sparseLayers(List<SparseLinear> layers) {
            List<int[]> shapes = new ArrayList<>();
            layers.forEach(l -> shapes.add(new int[] {l.out(), l.in()}));
            return sparseLayers(layers, shapes);
        }

        /** The sparse layers with the full weight shape of each ({@code (out, in, kh, kw)} for a convolution). */
        public Builder sparseLayers(List<SparseLinear> layers, List<int[]> shapes) {
            sparseLayers = layers;
            kernelShapes = shapes;
            return this;
        }

        public Builder flopLayers(List<FlopCounter.Layer> layers) {
            flopLayers = layers;
            return this;
        }

        public ParamGroup build() {
            return new ParamGroup(name, module, optimizer, learningRate, recipe, sparseLayers, kernelShapes, flopLayers);
        }
    }
}
