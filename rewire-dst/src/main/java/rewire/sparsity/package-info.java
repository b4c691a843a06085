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
 * published configurations (SET, RigL, SNFS, MEST, GMP, CHT family, MST, ...).
 *
 * <p>Call order per training step: the trainer runs forward, backward and (unless
 * {@link rewire.sparsity.Rewirer#skipOptimizerStep()} and it is an update step) the optimizer,
 * then calls {@link rewire.sparsity.Rewirer#maybeRewire} before gradients are cleared, with one
 * {@link rewire.sparsity.LayerView} per sparse layer. Every topology change is one
 * {@link rewire.sparse.Remap} per layer, applied to the weights, their gradient and every
 * optimizer slot, so kept connections keep their bits and grown ones start from the
 * {@link rewire.sparsity.GrowthInit} (weights) and zero (gradient and slots).
 *
 * <p>Memory: nothing here builds a dense {@code out x in} matrix. Candidate scores are streamed a
 * tile of rows at a time into bounded top-k selections; the exceptions are explicit and opt-in
 * ({@link rewire.sparsity.DenseMomentum} for SNFS, {@link rewire.sparsity.EverActive} bitsets at
 * one bit per position, per-unit sums of block constraints).
 *
 * <p>Layer 5 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}, {@code optim}.
 */
package rewire.sparsity;
