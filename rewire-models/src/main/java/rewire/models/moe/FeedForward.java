package rewire.models.moe;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * The feed-forward half of a transformer block, {@code x (d, N) -> y (d, N)}: a dense MLP
 * ({@link Mlp}, one expert that serves every token) or a {@link MixtureOfExperts}. Both show the
 * experts' share of their last forward pass and run any expert on any input, which expert-wise
 * distillation needs to compare a student's experts with a teacher's on the same tokens.
 */
public interface FeedForward {

    /** {@code x (d, N) -> y (d, N)}. */
    Var forward(Tape tape, Var x);

    /** Experts: 1 for a dense MLP. */
    int experts();

    /** Each expert that served a token in the last forward pass, with its tokens, input and output. */
    List<ExpertPass> lastPasses();

    /** Expert {@code e}'s MLP on {@code x (d, n)}, ungated: {@code (d, n)}. */
    Var expert(Tape tape, int e, Var x);

    /** The connections of expert {@code e}'s layers: stored, and as dense matrices (for FLOP counts). */
    Connections connections(int e);

    /**
     * How many weights a token passes through.
     *
     * @param stored the weights the layers hold (nnz of sparse ones)
     * @param dense  the same layers' dense sizes
     */
    record Connections(long stored, long dense) {
    }
}
