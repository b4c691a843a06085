/**
 * The training loop and its seam: a {@link rewire.train.Workload} declares
 * {@link rewire.train.ParamGroup}s (parameters, optimizer, DST recipe, FLOP layers) and owns its
 * step, computing losses and applying each group's update through a
 * {@link rewire.train.StepContext} in whatever order its algorithm needs; a
 * {@link rewire.train.SupervisedWorkload} keeps the one-loss default. The
 * {@link rewire.train.Trainer} runs steps and lets {@link rewire.train.Hook}s rewire each group's
 * topology, count FLOPs and log; evaluations report the workload's named
 * {@link rewire.train.Score}s. A workload whose model can leave Rewire (safetensors under PyTorch's
 * names, ONNX) is also {@link rewire.train.Exportable}.
 *
 * <p>Layer after {@code config} and {@code io}: may import every package of rewire-core and
 * rewire-dst, and {@code data}, {@code config}, {@code io}.
 */
package rewire.train;
