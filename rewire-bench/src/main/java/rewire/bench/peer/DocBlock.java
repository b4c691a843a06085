package rewire.bench.peer;

/**
 * A generated block inside a hand-kept or otherwise generated Markdown file, between
 * {@link #BEGIN} and {@link #END}: the peer benchmark replaces only its block, and the kernel
 * report ({@link rewire.bench.BenchmarkReport}) carries it over when it rewrites the file.
 */
public final class DocBlock {
    public static final String BEGIN = "<!-- peer:begin -->";
    public static final String END = "<!-- peer:end -->";

    private DocBlock() {
    }

    /**
     * {@code document} with the peer block's contents replaced by {@code body}; a document
     * without the block gets it appended.
     *
     * @throws IllegalArgumentException when the markers are unpaired or out of order
     */
    public static String replace(String document, String body) {
        String block = BEGIN + "\n" + (body.endsWith("\n") ? body : body + "\n") + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 && end < 0) {
            String sep = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + sep + block + "\n";
        }
        requirePaired(document, begin, end);
        return document.substring(0, begin) + block + document.substring(end + END.length());
    }

    /** The whole block of {@code document}, markers included, or "" when it has none. */
    public static String extract(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 && end < 0) {
            return "";
        }
        requirePaired(document, begin, end);
        return document.substring(begin, end + END.length());
    }

    private static void requirePaired(String document, int begin, int end) {
        if (begin < 0 || end < begin || document.indexOf(BEGIN, begin + 1) >= 0) {
            throw new IllegalArgumentException("the document needs exactly one " + BEGIN + " followed by one " + END);
        }
    }
}
