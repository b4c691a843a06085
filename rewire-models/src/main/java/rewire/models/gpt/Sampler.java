package rewire.models.gpt;

import java.util.Arrays;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.tensor.Rng;

/**
 * Autoregressive sampling from a {@link GptModel}: the context is the prompt and everything
 * generated so far, cropped to the last {@code blockSize} tokens; the next token is drawn from
 * {@code softmax(logits / temperature)} of the last position (arg-max at temperature 0). The same
 * model, prompt, temperature and seed give the same text.
 *
 * <p>While the sequence fits the block size, a {@link Decoder} computes each next token's logits
 * from its key/value cache: the prompt in one pass, then one column through the model per token. Beyond it the window slides,
 * every position shifts, and the cached keys no longer apply, so each token recomputes its window
 * ({@link GptModel#logits}). Both give the same logits up to float rounding, so the same text.
 */
public final class Sampler {
    /** How the sampler computes the logits of each next token. */
    public enum Decoding {
        /** A {@link Decoder} within the block size, then recomputing the sliding window: the default. */
        KV_CACHE,
        /** The whole context recomputed for every token, as before the cache: the reference to compare with. */
        RECOMPUTE
    }

    private final GptModel model;
    private final CharTokenizer tokenizer;
    private final Tape tape;
    private final Decoder decoder;
    private final Decoding decoding;

    /** A sampler that decodes with the key/value cache. */
    public Sampler(GptModel model, CharTokenizer tokenizer, Kernels kernels) {
        this(model, tokenizer, kernels, Decoding.KV_CACHE);
    }

    public Sampler(GptModel model, CharTokenizer tokenizer, Kernels kernels, Decoding decoding) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.tape = new Tape(kernels);
        this.decoder = model.decoder(kernels);
        this.decoding = decoding;
    }

    /** {@code prompt} followed by {@code count} generated characters. */
    public String generate(String prompt, int count, double temperature, Rng rng) {
        if (prompt.isEmpty() || count < 0 || !(temperature >= 0)) {
            throw new IllegalArgumentException("sampling needs a non-empty prompt, count >= 0 and temperature >= 0; got '"
                    + prompt + "', " + count + ", " + temperature);
        }
        int[] prefix = tokenizer.encode(prompt);
        int[] all = Arrays.copyOf(prefix, prefix.length + count);
        model.eval();
        decoder.reset();
        for (int i = prefix.length; i < all.length; i++) {
            if (decoding == Decoding.KV_CACHE && i <= model.blockSize()) {
                all[i] = pick(decoded(all, i), 1, 0, temperature, rng);
            } else {
                int length = Math.min(i, model.blockSize());
                int[] context = Arrays.copyOfRange(all, i - length, i);
                tape.clear();
                float[] logits = model.logits(tape, context, length).value().data();
                all[i] = pick(logits, length, length - 1, temperature, rng);
            }
        }
        tape.clear();
        return tokenizer.decode(all);
    }

    // the logits (V,) after tokens [0, i) of all: the prompt's in one pass, then each new token's
    private float[] decoded(int[] all, int i) {
        if (decoder.length() == 0) {
            return decoder.prefill(Arrays.copyOf(all, i));
        }
        assert decoder.length() == i - 1 : "decoder at " + decoder.length() + ", token " + i;
        return decoder.next(all[i - 1]);
    }

    // a token from column col of logits (V, n): arg-max at temperature 0, else drawn from the tempered softmax
    private int pick(float[] logits, int n, int col, double temperature, Rng rng) {
        int vocab = model.vocabSize();
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            if (logits[v * n + col] > logits[best * n + col]) {
                best = v;
            }
        }
        if (temperature == 0) {
            return best;
        }
        double[] weights = new double[vocab];
        double total = 0;
        for (int v = 0; v < vocab; v++) {
            weights[v] = Math.exp((logits[v * n + col] - logits[best * n + col]) / temperature);
            total += weights[v];
        }
        double u = rng.nextDouble() * total;
        for (int v = 0; v < vocab; v++) {
            u -= weights[v];
            if (u < 0) {
                return v;
            }
        }
        return best;
    }
}
