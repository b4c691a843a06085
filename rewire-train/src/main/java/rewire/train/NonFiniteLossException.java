package rewire.train;

/** The loss became NaN or infinite; training stops, and a checkpoint written before, if any, is kept. */
public final class NonFiniteLossException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NonFiniteLossException(long step, double loss) {
        super("the loss is " + loss + " at step " + step + ": training stopped, and no checkpoint is written from "
                + "this step on; lower the learning rate, add gradient clipping (optim.clip), or check the data.");
    }
}
