package rewire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.bench.peer.DocBlock;
import rewire.config.Config;
import rewire.data.Dataset;
import rewire.data.FashionMnist;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassificationWorkload;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.models.classify.Classifier;

/**
 * Serving speed of a classifier (issue 16's inference target), through the library call a user makes,
 * {@link Classifier#predict(float[])} on raw Fashion-MNIST test examples (standardization, forward pass,
 * softmax): the latency of one example at batch 1 and the throughput at batch 256. The model is the
 * configuration's MLP or CNN at its initial topology: a forward pass costs the same whatever values
 * the weights hold, so no training is needed to time it.
 *
 * <pre>
 * java -Drewire.threads=1 -cp benchmarks.jar rewire.bench.PredictBench --config examples/mlp-rigl.yaml
 *      --label mlp [--set sparsity.density=0.01 ...] [--seconds 3] [--batches 1,256]
 * </pre>
 * Prints one line per batch size: {@code PREDICT,rewire,label,density,threads,batch,median ms,p90 ms,examples/s}
 * (examples/s from the median call). Each batch size is called for {@code --seconds} to warm up (the
 * JIT), then for {@code --seconds} timed, every call timed on its own ({@link CallTimes}). bench/peer/torch_predict.py
 * prints the same line for PyTorch; {@code --report CSV --doc FILE --context TEXT} turns both sides'
 * lines (prefix removed) into the inference block of docs/benchmarks.md ({@link InferenceTable}).
 */
public final class PredictBench {
    private PredictBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--report")) {
            DocBlock.INFERENCE.report("PredictBench", args, lines -> InferenceTable.markdown(InferenceTable.Row.fromCsv(lines)));
            return;
        }
        Path config = null;
        String label = null;
        double seconds = 3;
        int[] batches = {1, 256};
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(value(args, ++i));
                case "--label" -> label = value(args, ++i);
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                case "--batches" -> batches = Arrays.stream(value(args, ++i).split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                case "--set" -> overrides.add(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see PredictBench's "
                        + "Javadoc)");
            }
        }
        if (config == null || label == null || !(seconds > 0)) {
            throw new IllegalArgumentException("need --config FILE, --label NAME and --seconds > 0");
        }
        Kernels kernels = Kernels.defaults();
        ClassifyConfig settings = Config.load(ClassifyConfig.class, config, overrides);
        ClassificationWorkload workload = (ClassificationWorkload) ClassifyRuns.spec(settings, kernels).workload();
        Classifier classifier = workload.classifier();
        Dataset test = FashionMnist.load(settings.data().dir()).test();
        double density = workload.group().density();
        for (int batch : batches) {
            float[][] inputs = requests(test, batch, classifier.features());
            int[] next = {0};
            double[] ms = CallTimes.warmedUp(() -> classifier.predict(inputs[next[0]++ % inputs.length]).predicted(0),
                    seconds);
            System.out.println(CallTimes.line("rewire", label, density, kernels.info().threads(), batch, ms));
        }
    }

    // 16 different requests of `batch` raw test examples each, example-major, cycling through the test set
    private static float[][] requests(Dataset test, int batch, int features) {
        float[][] requests = new float[16][batch * features];
        int next = 0;
        for (float[] request : requests) {
            for (int b = 0; b < batch; b++, next = (next + 1) % test.size()) {
                System.arraycopy(test.example(next), 0, request, b * features, features);
            }
        }
        return requests;
    }

    // the value after option args[i - 1], which the option loops of the inference and attention benchmarks share
    static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
