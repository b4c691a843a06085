package rewire.models.gpt;

import rewire.autodiff.AttentionMask;

/**
 * A workload whose model generates text: what {@code rewire sample} needs of a plain GPT run and
 * of a distillation run (its student) alike.
 */
public interface TextModel {

    /** The language model. */
    GptModel model();

    /** Its vocabulary. */
    CharTokenizer tokenizer();

    /** The attention mask of the model after {@code stepsDone} training steps. */
    AttentionMask attentionAfter(long stepsDone);
}
