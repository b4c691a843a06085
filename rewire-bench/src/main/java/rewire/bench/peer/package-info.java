/**
 * The end-to-end benchmark against PyTorch ({@code bench/peer/run.sh}): {@link rewire.bench.peer.PeerRun}
 * trains one configuration of the MLP 784-1000-1000-1000-10 on Fashion-MNIST and prints one
 * {@link rewire.bench.peer.PeerResult} line (bench/peer/torch_mlp.py prints the same line for
 * PyTorch), its epochs timed in steady state with the topology updates clocked apart
 * ({@code EpochClock}, {@code RewireClock}); {@link rewire.bench.peer.ScaleRun} times the same MLP
 * shape with very wide sparse hidden layers, static or rewired by SET or RigL;
 * {@link rewire.bench.peer.StepCosts} profiles where one step's time goes
 * ({@code bench/step-costs.sh}); {@link rewire.bench.peer.PeerReport} turns the
 * collected lines, with the measured {@code ./rewire train} of a user ({@code UserCommand}), into a
 * terminal table, CSVs, a speedup plot and the peer section of {@code docs/benchmarks.md}.
 */
package rewire.bench.peer;
