package rewire.models.gpt;

import java.nio.file.Path;
import java.util.List;

/**
 * The data section of a GPT run.
 *
 * @param text          a UTF-8 text file (relative: to the configuration file's folder); the first
 *                      {@code trainFraction} of its characters train, the rest validate
 * @param trainFraction nanoGPT's 0.9
 * @param batchSize     sequences per step
 * @param stepsPerEpoch steps that make one "epoch" of the training loop (batches are random blocks,
 *                      so an epoch is only a unit of the schedule: steps = epochs · stepsPerEpoch)
 * @param evalBatches   validation batches per evaluation (fixed blocks, the same at every evaluation)
 * @param vocabulary    the tokenizer's code points; empty builds it from the text, and the run's
 *                      config.yaml stores the result
 */
public record GptDataSettings(Path text, double trainFraction, int batchSize, int stepsPerEpoch, int evalBatches,
                              List<Integer> vocabulary) {

    public GptDataSettings {
        vocabulary = List.copyOf(vocabulary);
        if (text.toString().isEmpty() || batchSize < 1 || stepsPerEpoch < 1 || evalBatches < 1) {
            throw new IllegalArgumentException("data: need a text path and batchSize, stepsPerEpoch, evalBatches >= 1;"
                    + " got '" + text + "', " + batchSize + ", " + stepsPerEpoch + ", " + evalBatches);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("data.trainFraction must be in (0, 1), got " + trainFraction);
        }
    }

    public static GptDataSettings defaults() {
        return new GptDataSettings(Path.of("../shared/data/tinyshakespeare/input.txt"), 0.9, 12, 250, 100, List.of());
    }

    /** These settings with the vocabulary filled in. */
    public GptDataSettings withVocabulary(List<Integer> codePoints) {
        return new GptDataSettings(text, trainFraction, batchSize, stepsPerEpoch, evalBatches, codePoints);
    }
}
