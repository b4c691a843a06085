package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.io.AtomicFile;

/**
 * Renders every chart a run's data allows (loss, each score, learning rate, loss vs FLOPs, the workload's
 * families of live numbers, density per layer, first-layer connectivity) and writes them as PNGs.
 * Rendering is headless: no display needed.
 */
public final class Plots {
    /** The folder inside a run folder that holds the PNGs. */
    public static final String FOLDER = "plots";

    private Plots() {
    }

    /** The charts of {@code run} in report order; charts without data are left out. */
    public static List<Plot> render(RunData run) throws IOException {
        List<Plot> plots = new ArrayList<>(MetricPlots.render(run));
        plots.addAll(StatusFamilies.render(run));
        DensityPlot.render(run).ifPresent(plots::add);
        ConnectivityPlot.render(run).ifPresent(plots::add);
        return plots;
    }

    /** Writes each plot to {@code folder}/{@link Plot#fileName()} atomically, creating the folder. */
    public static void write(List<Plot> plots, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Plot plot : plots) {
            AtomicFile.write(folder.resolve(plot.fileName()), out -> out.write(plot.png()));
        }
    }
}
