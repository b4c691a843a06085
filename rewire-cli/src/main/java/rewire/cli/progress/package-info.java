/**
 * Terminal progress: {@link rewire.cli.progress.ProgressBar} shows a
 * {@link rewire.cli.progress.ProgressState} (epoch, step, loss, accuracy, density, throughput,
 * elapsed and time left) on one redrawn line on a terminal, or as plain lines in logs. No
 * dependencies; labels ({@link rewire.cli.progress.ProgressLabels}) adapt it to episodes.
 */
package rewire.cli.progress;
