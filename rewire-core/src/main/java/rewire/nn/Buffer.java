package rewire.nn;

/**
 * State a module keeps that no optimizer trains and no gradient reaches: batch normalization's
 * running statistics, spectral normalization's power-iteration vector. It changes as the module
 * runs in training mode and decides what the module computes in evaluation, so a checkpoint saves
 * it ({@link Module#buffers()}) and a resumed run reads it back in place.
 *
 * @param name   unique within a model, such as "g.bn1.runningMean"
 * @param values the live array, written in place by the module
 */
public record Buffer(String name, float[] values) {
}
