/**
 * One-shot pruning of trained models: calibration statistics of each prunable layer's inputs
 * ({@link rewire.prune.LayerStatistics}, collected through {@code rewire.nn.InputObserver}), the
 * criteria that choose which weights stay ({@link rewire.prune.PruneMethod}: magnitude, Wanda,
 * RIA, SparseGPT, MoE-Pruner), unstructured or N:M ({@link rewire.prune.SparsityTarget}),
 * DSnoT's training-free mask refinement ({@link rewire.prune.Dsnot}), the layer-by-layer driver
 * ({@link rewire.prune.OneShotPruner}) and sparse model soups ({@link rewire.prune.ModelSoup}).
 * The result is truly sparse: a CSR matrix per pruned layer, never a mask on a dense one.
 *
 * <p>A model offers itself as a {@link rewire.prune.PrunableModel}: its prunable weight matrices
 * in layer-by-layer order and a way to run calibration forward passes.
 *
 * <p>rewire-dst, after {@code recipe}: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}, {@code optim}, {@code sparsity}, {@code recipe}, and EJML for the
 * Cholesky factorisations and triangular solves of SparseGPT.
 */
package rewire.prune;
