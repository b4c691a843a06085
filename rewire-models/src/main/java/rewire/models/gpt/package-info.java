/**
 * A character-level GPT language model (nanoGPT-shaped: token and position embeddings, pre-norm
 * transformer blocks, final layer norm, output head tied to the token embedding) as a training
 * workload ({@code workload: gpt}), with the text data, the tokenizer and sampling (with a
 * key/value-cached {@link rewire.models.gpt.Decoder} within the block size). Every linear
 * layer of the blocks goes through {@code rewire.nn.Linear} or {@code rewire.nn.SparseLinear},
 * so dynamic sparse training (Mixed Sparsity Training, CHTss, RigL) rewires them.
 */
package rewire.models.gpt;
