package rewire.io.onnx;

/**
 * A node attribute of the kinds Rewire's graphs use: an integer, a list of integers or a float
 * (ONNX {@code AttributeProto} of type INT, INTS or FLOAT).
 */
public sealed interface OnnxAttribute {

    /** The attribute's name, as the operator's specification spells it ({@code "axis"}, {@code "pads"}). */
    String name();

    /** One 64-bit integer. */
    record Int(String name, long value) implements OnnxAttribute {
    }

    /** A list of 64-bit integers. */
    record Ints(String name, long[] values) implements OnnxAttribute {
        public Ints {
            values = values.clone();
        }
    }

    /** One float. */
    record Float(String name, float value) implements OnnxAttribute {
    }

    static Int of(String name, long value) {
        return new Int(name, value);
    }

    static Ints of(String name, long... values) {
        return new Ints(name, values);
    }

    static Float of(String name, float value) {
        return new Float(name, value);
    }
}
