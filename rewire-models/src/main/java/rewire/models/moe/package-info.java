/**
 * Mixture-of-experts feed-forward layers for the GPT ({@code model.moe}): the top-k router with a
 * softmax over the chosen experts, the Switch Transformer's load-balancing loss, experts that are
 * dense or sparse MLPs, the routing each forward pass made (expert utilisation, router gates for
 * MoE-Pruner's calibration) and the per-expert passes that expert-wise distillation compares.
 *
 * <p>rewire-models: may use rewire-core ({@code autodiff}, {@code nn}); {@code rewire.models.gpt}
 * builds on it, never the other way round.
 */
package rewire.models.moe;
