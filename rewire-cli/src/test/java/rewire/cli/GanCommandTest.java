package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.IdxFiles;

/**
 * {@code rewire train examples/gan-adapt.yaml} end to end on a tiny Fashion-MNIST-shaped set: the
 * feature classifier trained and cached, the GAN's scores and plots (balance ratio with its band,
 * both densities, FID-FMNIST against FLOPs, the sample grids) in report.html, {@code rewire sample}
 * writing a grid, {@code rewire resume} continuing.
 */
class GanCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private String[] train(String... more) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(dir.resolve("data"), 160, 60);
        List<String> args = new ArrayList<>(List.of("train", Path.of("..", "examples", "gan-adapt.yaml").toString(),
                "data.dir=" + dir.resolve("data"), "train.runs=" + dir.resolve("runs"), "model.width=4",
                "model.latent=8", "data.batchSize=8", "gan.stepsPerEpoch=6", "train.epochs=2", "train.logEvery=2",
                "gan.brEvery=1", "gan.brWindow=2", "balance.adjustEvery=3", "balance.deltaT=3",
                "quality.classifierRuns=" + dir.resolve("classifier"), "quality.classifierArch=mlp",
                "quality.classifierEpochs=1", "quality.samples=40", "quality.kidSubsetSize=20", "quality.kidSubsets=2",
                "quality.isSplits=2", "quality.gridSide=2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aTinyAdaptRunReportsItsBalanceSamplesAndScoresThenSamplesAndResumes() throws IOException {
        assertEquals(0, cli.run(train()), cli.err());
        Path folder = CliRun.onlyRun(dir.resolve("runs"));
        for (String file : List.of("report.html", "plots/fid.png", "plots/balance-ratio.png", "plots/densities.png",
                "plots/fid-vs-flops.png", "plots/samples-0000006.png", "plots/samples-0000012.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        assertTrue(cli.out().contains("FID-FMNIST") && cli.out().contains("Group      discriminator: adapt-relax"),
                cli.out());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("Images from the evaluations") && report.contains("samples after step 12")
                && report.contains("Balance ratio"), "the report embeds the grids and the balance plots");
        String metrics = Files.readString(folder.resolve("metrics.jsonl"));
        for (String key : List.of("\"balanceRatio\"", "\"dDensity\"", "\"gLoss\"", "\"fid\"", "\"kid\"", "\"isLike\"")) {
            assertTrue(metrics.contains(key), key + " in metrics.jsonl");
        }

        Path grid = dir.resolve("grid.png");
        assertEquals(0, cli.run("sample", folder.toString(), "--grid", "3", "--out", grid.toString()), cli.err());
        BufferedImage image = ImageIO.read(grid.toFile());
        assertEquals(3 * (28 + 1) + 1, image.getWidth(), "three images of 28 and their gaps");

        assertEquals(0, cli.run("resume", folder.toString(), "train.epochs=3"), cli.err());
        assertTrue(cli.out().contains("Resuming   from step 12"), cli.out());
    }
}
