package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A generated block inside a hand-kept or otherwise generated Markdown file, between its
 * {@link #begin()} and {@link #end()} markers: each script that owns a block replaces only its own,
 * and the kernel report ({@link rewire.bench.BenchmarkReport}) carries every block of {@link #ALL}
 * over when it rewrites docs/benchmarks.md.
 *
 * @param name the block's name in its markers, {@code <!-- name:begin -->}
 */
public record DocBlock(String name) {
    /** End-to-end training against PyTorch (bench/peer/run.sh). */
    public static final DocBlock PEER = new DocBlock("peer");
    /** Inference latency and throughput against PyTorch (bench/predict.sh). */
    public static final DocBlock INFERENCE = new DocBlock("inference");
    /** Attention over the allowed pairs only against dense GEMMs (bench/attention.sh). */
    public static final DocBlock ATTENTION = new DocBlock("attention");
    /** Every block docs/benchmarks.md holds beside the kernel report, in the order they follow it. */
    public static final List<DocBlock> ALL = List.of(PEER, INFERENCE, ATTENTION);

    /**
     * The {@code --report CSV --doc FILE --context TEXT [--notes NOTES]} mode of the benchmark
     * {@code tool} that owns this block: the block in FILE becomes TEXT, the table that
     * {@code table} makes from CSV's lines, and the hand-written NOTES file's text when given.
     */
    public void report(String tool, String[] args, Function<List<String>, String> table) throws IOException {
        boolean notes = args.length == 8 && args[6].equals("--notes");
        if (!(args.length == 6 || notes) || !args[0].equals("--report") || !args[2].equals("--doc")
                || !args[4].equals("--context")) {
            throw new IllegalArgumentException("usage: " + tool + " --report CSV --doc FILE --context TEXT [--notes FILE]");
        }
        Path doc = Path.of(args[3]);
        String old = Files.exists(doc) ? Files.readString(doc) : "";
        String body = args[5].strip() + "\n\n" + table.apply(Files.readAllLines(Path.of(args[1])));
        if (notes) {
            body += "\n" + Files.readString(Path.of(args[7])).strip() + "\n";
        }
        Files.writeString(doc, replace(old, body));
    }

    /** The opening marker. */
    public String begin() {
        return "<!-- " + name + ":begin -->";
    }

    /** The closing marker. */
    public String end() {
        return "<!-- " + name + ":end -->";
    }

    /**
     * {@code document} with this block's contents replaced by {@code body}; a document without the
     * block gets it appended.
     *
     * @throws IllegalArgumentException when the markers are unpaired or out of order
     */
    public String replace(String document, String body) {
        String block = begin() + "\n" + (body.endsWith("\n") ? body : body + "\n") + end();
        int begin = document.indexOf(begin());
        int end = document.indexOf(end());
        if (begin < 0 && end < 0) {
            String sep = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + sep + block + "\n";
        }
        requirePaired(document, begin, end);
        return document.substring(0, begin) + block + document.substring(end + end().length());
    }

    /** This whole block of {@code document}, markers included, or "" when it has none. */
    public String extract(String document) {
        int begin = document.indexOf(begin());
        int end = document.indexOf(end());
        if (begin < 0 && end < 0) {
            return "";
        }
        requirePaired(document, begin, end);
        return document.substring(begin, end + end().length());
    }

    private void requirePaired(String document, int begin, int end) {
        if (begin < 0 || end < begin || document.indexOf(begin(), begin + 1) >= 0) {
            throw new IllegalArgumentException("the document needs exactly one " + begin() + " followed by one " + end());
        }
    }
}
