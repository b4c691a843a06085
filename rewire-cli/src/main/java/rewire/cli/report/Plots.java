package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.io.AtomicFile;

/**
 * Renders every chart a run's data allows (loss, each score, learning rate, loss vs FLOPs, the workload's
 * families of live numbers, a GAN's balance ratio, densities and score vs FLOPs, density per layer,
 * first-layer connectivity) and writes them as PNGs, and finds the images a workload kept there.
 * Rendering is headless: no display needed.
 */
public final class Plots {
    /** The folder inside a run folder that holds the PNGs. */
    public static final String FOLDER = rewire.run.RunFolder.PLOTS;

    private Plots() {
    }

    /** The charts of {@code run} in report order; charts without data are left out. */
    public static List<Plot> render(RunData run) throws IOException {
        List<Plot> plots = new ArrayList<>(MetricPlots.render(run));
        plots.addAll(StatusFamilies.render(run));
        plots.addAll(BalancePlots.render(run));
        DensityPlot.render(run).ifPresent(plots::add);
        ConnectivityPlot.render(run).ifPresent(plots::add);
        return plots;
    }

    /**
     * The images a workload kept from its evaluations ({@code Workload.evaluationImages}, a GAN's
     * sample grids): the PNG files of {@code folder} that are none of {@code rendered}, by name.
     */
    public static List<Plot> kept(Path folder, List<Plot> rendered) throws IOException {
        List<Plot> kept = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return kept;
        }
        java.util.Set<String> ours = new java.util.HashSet<>();
        rendered.forEach(p -> ours.add(p.fileName()));
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!ours.contains(name)) {
                    kept.add(new Plot(name, keptTitle(name), "Kept by the workload from its evaluation (" + name
                            + "); a GAN keeps a grid of its EMA generator's samples at the same fixed latent codes "
                            + "at every evaluation.", Files.readAllBytes(f)));
                }
            }
        }
        return kept;
    }

    // "samples-0000500.png" -> "samples after step 500"
    static String keptTitle(String fileName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*?)[-_]?0*(\\d+)\\.png").matcher(fileName);
        return m.matches() ? m.group(1) + " after step " + m.group(2) : fileName;
    }

    /** Writes each plot to {@code folder}/{@link Plot#fileName()} atomically, creating the folder. */
    public static void write(List<Plot> plots, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Plot plot : plots) {
            AtomicFile.write(folder.resolve(plot.fileName()), out -> out.write(plot.png()));
        }
    }
}
