/**
 * A training run on disk: the {@link rewire.run.RunFolder} (run.json, config.yaml, the JSON-lines
 * logs, checkpoints), the one run.json schema {@link rewire.run.RunRecord} that every command reads,
 * {@link rewire.run.TrainingRun} that wires the hooks of a run, stops it on request and resumes it
 * from its last checkpoint to the same bits, and checkpoint retention.
 *
 * <p>Layer after {@code train}: may import every package of rewire-core, rewire-dst and
 * {@code data}, {@code config}, {@code io}, {@code train}.
 */
package rewire.run;
