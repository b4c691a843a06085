package rewire.models.gpt;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The data section of a GPT run.
 *
 * @param text          a UTF-8 text file (relative: to the configuration file's folder); the first
 *                      {@code trainFraction} of its characters train, the rest validate. No default:
 *                      the examples name the shipped corpus, examples/data/tinyshakespeare.txt
 * @param trainFraction nanoGPT's 0.9
 * @param batchSize     sequences per step
 * @param stepsPerEpoch steps that make one "epoch" of the training loop (batches are random blocks,
 *                      so an epoch is only a unit of the schedule: steps = epochs · stepsPerEpoch)
 * @param evalBatches   validation batches per evaluation with {@code evalBlocks: random} (fixed blocks, the
 *                      same at every evaluation)
 * @param evalBlocks    which validation blocks an evaluation scores: {@code random}, evalBatches batches of
 *                      blocks at random offsets (nanoGPT's estimate, drawn once per run); {@code all}, every
 *                      consecutive block of the split once, each character after the first a target once
 *                      (the whole split, an exact figure to compare implementations on)
 * @param vocabulary    the tokenizer's code points; empty builds it from the text, and the run's
 *                      config.yaml stores the result
 */
public record GptDataSettings(Optional<Path> text, double trainFraction, int batchSize, int stepsPerEpoch,
                              int evalBatches, EvalBlocks evalBlocks, List<Integer> vocabulary) {

    /** Which validation blocks an evaluation scores. */
    public enum EvalBlocks {
        /** evalBatches batches of blocks at random offsets, drawn once per run. */
        RANDOM,
        /** Every consecutive block of the validation split once. */
        ALL
    }

    public GptDataSettings {
        vocabulary = List.copyOf(vocabulary);
        java.util.Objects.requireNonNull(evalBlocks, "data.evalBlocks");
        if (batchSize < 1 || stepsPerEpoch < 1 || evalBatches < 1) {
            throw new IllegalArgumentException("data: need batchSize, stepsPerEpoch, evalBatches >= 1; got "
                    + batchSize + ", " + stepsPerEpoch + ", " + evalBatches);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("data.trainFraction must be in (0, 1), got " + trainFraction);
        }
    }

    /** nanoGPT's data settings, with no text: a run must name one (there is no corpus every machine has). */
    public static GptDataSettings defaults() {
        return new GptDataSettings(Optional.empty(), 0.9, 12, 250, 100, EvalBlocks.RANDOM, List.of());
    }

    /**
     * The text file to train on.
     *
     * @throws IllegalArgumentException when {@code data.text} is not set, naming the shipped corpus
     */
    public Path textFile() {
        return text.orElseThrow(() -> new IllegalArgumentException("data.text is not set: name a UTF-8 text file,"
                + " for example the Shakespeare that the repository ships (data.text=examples/data/tinyshakespeare.txt),"
                + " or start from a GPT example: rewire train examples/gpt-shakespeare.yaml"));
    }

    /** These settings with the vocabulary filled in. */
    public GptDataSettings withVocabulary(List<Integer> codePoints) {
        return new GptDataSettings(text, trainFraction, batchSize, stepsPerEpoch, evalBatches, evalBlocks, codePoints);
    }
}
