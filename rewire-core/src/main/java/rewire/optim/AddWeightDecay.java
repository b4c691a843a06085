package rewire.optim;

import java.util.List;
import rewire.nn.Param;

/**
 * Adds {@code weightDecay * w} to the update. Where it sits in a chain decides what it means:
 * before momentum or Adam it is L2 regularization coupled with the gradient (PyTorch's
 * {@code weight_decay} of {@code SGD} and {@code Adam}); after Adam and before the learning rate
 * it is the decoupled weight decay of AdamW (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), scaled by the scheduled learning rate as in PyTorch.
 */
record AddWeightDecay(double weightDecay) implements Transform {

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        float wd = (float) weightDecay;
        for (Param param : params) {
            float[] u = param.grad();
            float[] w = param.values();
            for (int i = 0; i < u.length; i++) {
                u[i] += wd * w[i];
            }
        }
    }
}
