package rewire.io;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.StreamWriteException;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * The generator of {@link Json}'s mapper: refuses NaN and the infinities, which JSON cannot hold
 * (Jackson would write them as strings that read back as text). Every number a serializer writes
 * passes here, array serializers included, so no non-finite number reaches a file.
 */
final class FiniteNumbers extends JsonGeneratorDelegate {

    FiniteNumbers(JsonGenerator delegate) {
        super(delegate, true);
    }

    @Override
    public JsonGenerator writeNumber(double v) {
        return Double.isFinite(v) ? super.writeNumber(v) : refuse(v);
    }

    @Override
    public JsonGenerator writeNumber(float v) {
        return Float.isFinite(v) ? super.writeNumber(v) : refuse(v);
    }

    @Override
    public JsonGenerator writeArray(double[] array, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!Double.isFinite(array[i])) {
                return refuse(array[i]);
            }
        }
        return super.writeArray(array, offset, length);
    }

    private JsonGenerator refuse(double v) {
        throw new StreamWriteException(this, "JSON has no " + v);
    }
}
