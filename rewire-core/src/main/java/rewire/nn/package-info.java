/**
 * Neural network building blocks: trainable {@link rewire.nn.Param}eters (dense or sparse),
 * {@link rewire.nn.Module}s that record their computation on an autodiff tape
 * ({@link rewire.nn.Linear}, {@link rewire.nn.SparseLinear}, {@link rewire.nn.Conv2d},
 * {@link rewire.nn.ConvTranspose2d}, {@link rewire.nn.Pool2d}, {@link rewire.nn.Flatten},
 * {@link rewire.nn.Activation}, {@link rewire.nn.Dropout}, {@link rewire.nn.Sequential}, {@link rewire.nn.Residual},
 * {@link rewire.nn.LayerNorm}, {@link rewire.nn.BatchNorm}, {@link rewire.nn.CausalSelfAttention}
 * (with a {@link rewire.nn.KeyValueCache} for decoding one token at a time),
 * the recurrent {@link rewire.nn.Gru}) and weight {@link rewire.nn.Init}ializers. Linear layers may
 * be spectrally normalized; state that is not trained (running statistics, power-iteration
 * vectors) is a module's {@link rewire.nn.Buffer}s, and a parameter's gradient can be switched off
 * ({@link rewire.nn.Module#requireGrad}) to use a module as a fixed function. Linear layers show
 * their inputs to an {@link rewire.nn.InputObserver} (calibration for one-shot pruning).
 *
 * <p>Shapes follow {@code rewire.autodiff}: activations are feature-major {@code (features, B)},
 * convolution maps {@code (C, B·H·W)}. A module wraps its parameters' own arrays in autodiff
 * variables at every forward pass, so backward accumulates into {@code Param.grad()} and a
 * sparse parameter whose topology changed is picked up by the next forward pass.
 *
 * <p>Layer 3 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}.
 */
package rewire.nn;
