package rewire.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The attention block of docs/benchmarks.md ({@link AttentionBenchmark}): per sequence length,
 * pattern and thread count, the op computed as dense GEMMs then masked against the op over the
 * allowed pairs only, with the speedup the skipped pairs promise ({@code T² / P}: the dense path
 * scores all {@code T²} pairs) and how much of it is reached; then issue 16's two attention
 * targets, the first read at the shortest length measured (the GPT example's block of 64 tokens).
 */
final class AttentionTable {
    /** What begins each measured line. */
    static final String PREFIX = "ATTENTION,";
    /** The share of the promised speedup the longer blocks must reach, as for the kernels' 0.5 of ideal. */
    static final double PROPORTION_TARGET = 0.5;

    private AttentionTable() {
    }

    /**
     * One measured pattern.
     *
     * @param length    tokens per sequence {@code T}
     * @param sequences sequences per call
     * @param allowed   allowed (query, key) pairs per sequence {@code P}
     * @param maskedMs  median ms of forward and backward through dense {@code (T, T)} GEMMs, masked
     * @param sparseMs  median ms of forward and backward over the allowed pairs only
     */
    record Row(int threads, int length, int sequences, String pattern, long allowed, double maskedMs,
               double sparseMs) {

        String csv() {
            return String.format(Locale.ROOT, "%s%d,%d,%d,%s,%d,%.4f,%.4f", PREFIX, threads, length, sequences,
                    pattern, allowed, maskedMs, sparseMs);
        }

        /** Rows from the benchmark's output lines; other lines are skipped. */
        static List<Row> fromCsv(List<String> lines) {
            List<Row> rows = new ArrayList<>();
            for (String line : lines) {
                if (!line.startsWith(PREFIX)) {
                    continue;
                }
                String[] f = line.substring(PREFIX.length()).split(",");
                if (f.length != 7) {
                    throw new IllegalArgumentException("an attention line needs 7 fields after " + PREFIX + ", got: "
                            + line);
                }
                rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3],
                        Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
            return rows;
        }

        double speedup() {
            return maskedMs / sparseMs;
        }

        /** The speedup skipping pairs promises: all {@code T²} pairs over the allowed ones. */
        double promised() {
            return (double) length * length / allowed;
        }

        double shareOfPromised() {
            return speedup() / promised();
        }
    }

    static String markdown(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no attention rows to report");
        }
        List<Row> sorted = rows.stream().sorted(Comparator.comparingInt(Row::length).thenComparingInt(Row::threads))
                .toList();
        StringBuilder md = new StringBuilder();
        md.append("| tokens T | sequences | pattern | allowed pairs P (of T²) | threads | dense GEMMs, masked (ms) "
                + "| allowed pairs only (ms) | speedup | promised T²/P | share of promised |\n");
        md.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : sorted) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %,d (%.1f%%) | %d | %.3f | %.3f | %.2fx | %.1fx | %.2f |%n",
                    r.length(), r.sequences(), r.pattern(), r.allowed(), 100.0 / r.promised(), r.threads(),
                    r.maskedMs(), r.sparseMs(), r.speedup(), r.promised(), r.shareOfPromised()));
        }
        int shortest = sorted.getFirst().length();
        // causal attention itself runs on the GEMMs (AttentionOps.selfAttention): the targets are the sparse patterns'
        List<Row> sparse = sorted.stream().filter(r -> !r.pattern().equals("causal")).toList();
        md.append(String.format(Locale.ROOT, "%nTargets (issue 16), over the sparse patterns (causal attention itself "
                + "takes the GEMMs in `AttentionOps.selfAttention`; its rows are for reference):%n"));
        sparse.stream().filter(r -> r.length() == shortest).min(Comparator.comparingDouble(Row::speedup))
                .ifPresent(slowest -> md.append(String.format(Locale.ROOT, "- At the GPT example's block (%d tokens) "
                        + "every sparse pattern over its allowed pairs at least as fast as the dense GEMMs: slowest %s "
                        + "at %d thread(s), %.2fx: **%s**.%n", shortest, slowest.pattern(), slowest.threads(),
                        slowest.speedup(), slowest.speedup() >= 1 ? "met" : "missed")));
        List<Row> longer = sparse.stream().filter(r -> r.length() > shortest).toList();
        if (!longer.isEmpty()) {
            Row least = longer.stream().min(Comparator.comparingDouble(Row::shareOfPromised)).orElseThrow();
            md.append(String.format(Locale.ROOT, "- At longer blocks the sparse patterns faster in proportion to the "
                    + "pairs they skip, read here as at least %.1f of T²/P (the kernels' share of ideal): least %s at "
                    + "%d tokens, %d thread(s), %.2fx of a promised %.1fx = %.2f: **%s**.%n", PROPORTION_TARGET,
                    least.pattern(), least.length(), least.threads(), least.speedup(), least.promised(),
                    least.shareOfPromised(), least.shareOfPromised() >= PROPORTION_TARGET ? "met" : "missed"));
        }
        return md.toString();
    }
}
