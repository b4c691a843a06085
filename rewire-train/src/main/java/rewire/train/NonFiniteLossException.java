package rewire.train;

/** A loss became NaN or infinite; training stops before anything is updated from it. */
public final class NonFiniteLossException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String ADVICE = "lower the learning rate, add gradient clipping (optim.clip), or check the data";

    private final long step;
    private final double loss;

    public NonFiniteLossException(long step, double loss) {
        this(step, loss, "training stopped; " + ADVICE + ".");
    }

    private NonFiniteLossException(long step, double loss, String detail) {
        super("the loss is " + loss + " at step " + step + ": " + detail);
        this.step = step;
        this.loss = loss;
    }

    /** The step whose loss was not finite. */
    public long step() {
        return step;
    }

    /**
     * The same failure, saying what a run folder kept: the checkpoint after {@code checkpointStep}
     * steps, or no checkpoint at all when it is negative.
     */
    public NonFiniteLossException withCheckpoint(long checkpointStep) {
        String kept = checkpointStep < 0 ? "no checkpoint was written before it, so the run cannot be resumed; "
                : "the checkpoint of step " + checkpointStep + " is kept (resuming would repeat the failure); ";
        return new NonFiniteLossException(step, loss, "training stopped; " + kept + ADVICE + ".");
    }
}
