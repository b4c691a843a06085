package rewire.io.onnx;

/** The element types of Rewire's ONNX tensors, with their numbers in ONNX's {@code TensorProto.DataType}. */
public enum ElementType {
    /** 32-bit float: weights, activations, logits. */
    FLOAT(1),
    /** 64-bit integer: token ids, shapes, axes. */
    INT64(7);

    private final int code;

    ElementType(int code) {
        this.code = code;
    }

    /** The number ONNX gives this type. */
    public int code() {
        return code;
    }
}
