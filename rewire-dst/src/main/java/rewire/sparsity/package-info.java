/**
 * The dynamic sparse training (DST) engine. An algorithm is a configuration of small parts, not
 * a subclass: a {@link rewire.sparsity.Cadence} says when to rewire, density and drop-fraction
 * {@link rewire.optim.Schedule}s (and {@link rewire.sparsity.SparsitySchedules}) and a
 * {@link rewire.sparsity.Distribution} say how many connections each layer holds and replaces, a
 * {@link rewire.sparsity.PruneCriterion} and a {@link rewire.sparsity.GrowCriterion} say which, a
 * {@link rewire.sparsity.Constraint} shapes the choice (unstructured, N:M, constant fan-in,
 * block, diagonal), a {@link rewire.sparsity.Scope} ranks per layer or globally, and an
 * {@link rewire.sparsity.GrowthInit} gives grown weights their first value. One immutable
 * {@link rewire.sparsity.Rewirer} wires them together; {@link rewire.recipe.Recipes} names the
 * published configurations (SET, RigL, SNFS, MEST, GMP, CHT family, MST, ...). A
 * {@link rewire.sparsity.DensityControl} sets the density at run time from a
 * {@link rewire.sparsity.ControlSignal} the workload measures (ADAPT's balance ratio of a GAN), in
 * place of a density schedule; the density it set is part of the run's state.
 *
 * <p>State across steps belongs to the parts that need it: {@link rewire.sparsity.Rewirer#newState}
 * makes one {@link rewire.sparsity.RewireState} per run, holding per layer the positions ever
 * active ({@link rewire.sparsity.EverActive}, the exploration rate) and the grow criterion's own
 * {@link rewire.sparsity.CriterionState} (SNFS's {@link rewire.sparsity.DenseMomentum}); it is
 * observed every step, moved through every remap and saved as named
 * {@link rewire.sparsity.StateArray}s. Optimizer state is read by {@link rewire.optim.SlotRole},
 * never by a slot's name.
 *
 * <p>Call order per training step: the trainer runs forward and backward, feeds the step's
 * batches to {@link rewire.sparsity.RewireState#observe} when it
 * {@link rewire.sparsity.RewireState#observesBatches()}, then calls
 * {@link rewire.sparsity.Rewirer#maybeRewire} before the optimizer step (skipped when
 * {@link rewire.sparsity.Rewirer#skipsOptimizerStepAt} says so) and before gradients are cleared,
 * with one {@link rewire.sparsity.LayerView} per sparse layer. Every topology change is one
 * {@link rewire.sparse.Remap} per layer, applied to the weights, their gradient and every
 * optimizer slot, so kept connections keep their bits and grown ones start from the
 * {@link rewire.sparsity.GrowthInit} (weights) and zero (gradient and slots).
 *
 * <p>Memory: nothing here builds a dense {@code out x in} matrix. Candidate scores are streamed a
 * tile of rows at a time into bounded top-k selections, and positions are 64-bit; the exceptions
 * are explicit and opt-in ({@link rewire.sparsity.DenseMomentum} for SNFS, per-unit sums of block
 * constraints). The positions ever active ({@link rewire.sparsity.EverActive}) are one pattern,
 * the union of every pattern a layer had.
 *
 * <p>Layer 5 (rewire-dst): may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}, {@code optim}.
 */
package rewire.sparsity;
