package rewire.models.moe;

import rewire.autodiff.Var;

/**
 * One expert's share of a forward pass: the tokens it served, its input and its output (before
 * the gate), as expert-wise distillation compares them.
 *
 * @param expert the expert's index
 * @param tokens the tokens it served, ascending (columns of the layer's input)
 * @param input  {@code (d, n)}: those tokens' inputs
 * @param output {@code (d, n)}: its output for them
 */
public record ExpertPass(int expert, int[] tokens, Var input, Var output) {
}
