/**
 * Terminal progress: {@link rewire.cli.progress.ProgressBar} shows a
 * {@link rewire.cli.progress.ProgressState} (epoch, step, loss, accuracy, density, throughput in
 * the workload's unit, elapsed and time left, then the workload's own numbers) on one redrawn line
 * on a terminal, or as plain lines in logs. No dependencies; labels
 * ({@link rewire.cli.progress.ProgressLabels}) adapt it to episodes.
 */
package rewire.cli.progress;
