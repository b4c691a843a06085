package rewire.cli.report;

import java.util.OptionalLong;

/**
 * The end-of-run summary from run.json's {@code summary}. Doubles the file does not carry are
 * NaN; counts it does not carry are empty. The two FLOP ratios are sparse / dense, computed from
 * the FLOP counts when the file leaves them out.
 *
 * @param testAccuracy        final test accuracy in [0, 1]
 * @param testLoss            final test loss
 * @param epochs              epochs trained
 * @param steps               optimizer steps taken
 * @param parameters          parameters of the dense twin (every weight a dense layer would hold)
 * @param nnz                 parameters actually stored
 * @param density             nnz / parameters
 * @param trainingFlops       FLOPs spent training
 * @param denseTrainingFlops  FLOPs the dense twin would have spent
 * @param trainingFlopsRatio  trainingFlops / denseTrainingFlops
 * @param inferenceFlops      FLOPs of one forward pass on one sample
 * @param denseInferenceFlops the dense twin's
 * @param inferenceFlopsRatio inferenceFlops / denseInferenceFlops
 * @param wallClockSeconds    wall-clock seconds of the run
 * @param samplesPerSecond    mean training throughput
 * @param peakHeapBytes       peak JVM heap use
 * @param peakRssBytes        peak resident set size of the process
 */
public record RunSummary(double testAccuracy, double testLoss, OptionalLong epochs, OptionalLong steps,
                         OptionalLong parameters, OptionalLong nnz, double density,
                         double trainingFlops, double denseTrainingFlops, double trainingFlopsRatio,
                         double inferenceFlops, double denseInferenceFlops, double inferenceFlopsRatio,
                         double wallClockSeconds, double samplesPerSecond,
                         OptionalLong peakHeapBytes, OptionalLong peakRssBytes) {
}
