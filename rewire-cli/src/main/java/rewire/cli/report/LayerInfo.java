package rewire.cli.report;

/**
 * One layer of the model as run.json's {@code model.layers} describes it.
 *
 * @param name           the layer's name, such as {@code fc1}
 * @param kind           {@code sparse} or {@code dense}
 * @param in             input features (columns of the weight)
 * @param out            output features (rows of the weight)
 * @param nnz            stored weights
 * @param density        nnz / (in · out)
 * @param representation how the weight is stored: {@code CSR} or {@code DENSE_MASKED}; empty when not written
 */
public record LayerInfo(String name, String kind, long in, long out, long nnz, double density, String representation) {
}
