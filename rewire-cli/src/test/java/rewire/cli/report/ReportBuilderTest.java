package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    static Path finishedRun;
    private static String finishedHtml;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildAFinishedRun() throws IOException {
        finishedHtml = Files.readString(ReportBuilder.build(RunFixture.finished(finishedRun, "rigl-mlp")));
    }

    @Test
    void aFinishedRunGetsEveryTableValue() {
        String html = finishedHtml;
        for (String expected : List.of(
                "<th>Test accuracy</th><td>88.50%</td>",
                "<th>Parameters (dense twin)</th><td>2,797,010</td>",
                "<th>Stored weights (nnz)</th><td>279,701</td>",
                "<th>Density</th><td>10.00%</td>",
                "<th>Training FLOPs</th><td>1.20 TFLOP</td><td>9.90 TFLOP</td><td>0.121 (8.3\u00d7 fewer)</td>",
                "<th>Inference FLOPs / sample</th><td>580 kFLOP</td><td>5.80 MFLOP</td><td>0.100 (10.0\u00d7 fewer)</td>",
                "<th>Wall-clock</th><td>61.2 s</td>",
                "<th>Throughput</th><td>2,940 examples/s</td>",
                "<th>Best test accuracy</th><td>88.50% at step 300 (checkpoints/best.ckpt)</td>",
                "<th>Test loss</th><td>0.33</td>",
                "<th>Peak heap</th><td>774.4 MiB</td>",
                "<th>Peak RSS</th><td>972.7 MiB</td>",
                "<th>Kernel provider</th><td>vector (Vector API present)</td>",
                "<th>Vector width</th><td>16 floats (512 bits)</td>",
                "<th>BLAS</th><td>OpenBLAS 0.3.21</td>",
                "<th>fc1</th><td>model</td><td>sparse</td><td>1,000 \u00d7 784</td><td>784,000</td><td>78,400</td><td>10.00%</td>"
                        + "<td>CSR</td>",
                "<th>out</th><td>model</td><td>dense</td><td>10 \u00d7 1,000</td><td>10,000</td><td>10,000</td><td>100.00%</td>"
                        + "<td>dense with mask</td>",
                "<th>train.lr</th><td>0.01</td>",
                "<th>hidden</th><td>[1000,1000]</td>",
                "<span class=\"status finished\">finished</span>")) {
            assertTrue(html.contains(expected), () -> "report lacks " + expected);
        }
        assertFalse(html.contains("Run in progress"));
    }

    @Test
    void embeddedImagesAreValidPngsAndMatchThePlotFiles() throws IOException {
        List<byte[]> embedded = new ArrayList<>();
        Matcher m = DATA_URI.matcher(finishedHtml);
        while (m.find()) {
            embedded.add(Base64.getDecoder().decode(m.group(1)));
        }
        List<String> files = List.of("loss.png", "accuracy.png", "lr.png", "loss-vs-flops.png", "density.png",
                "connectivity.png");
        assertEquals(files.size(), embedded.size());
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(embedded.get(i)));
            assertNotNull(image, files.get(i) + " does not decode");
            assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, files.get(i) + " is too small");
            assertEquals(Arrays.toString(Files.readAllBytes(finishedRun.resolve("plots").resolve(files.get(i)))),
                    Arrays.toString(embedded.get(i)), files.get(i) + " differs from the embedded image");
        }
        assertEquals(ChartStyle.WIDTH, ImageIO.read(finishedRun.resolve("plots/loss.png").toFile()).getWidth());
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String html = finishedHtml;
        assertTrue(html.contains("<style>"));
        for (String external : List.of("<link", "<script", "src=\"http", "url(", "@import")) {
            assertFalse(html.contains(external), () -> "report contains " + external);
        }
    }

    @Test
    void buildWritesReportHtmlIntoTheFolderAndReturnsItsPath() throws IOException {
        Path report = ReportBuilder.build(RunFixture.inProgress(dir));
        assertEquals(dir.resolve(ReportBuilder.REPORT_HTML), report);
        assertTrue(Files.size(report) > 0);
    }

    @Test
    void runTextIsEscaped() throws IOException {
        String hostile = "<script>alert('x')</script> & \"co\"";
        ReportBuilder.build(RunFixture.finished(dir, hostile));
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</h1>"));
    }

    @Test
    void aRunInProgressGetsAProgressNoticeAndTheCurvesSoFar() throws IOException {
        ReportBuilder.build(RunFixture.inProgress(dir));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<span class=\"status running\">running</span>"));
        assertTrue(html.contains("Run in progress"));
        assertTrue(html.contains("Latest logged step 150, epoch 1"), html);
        assertTrue(html.contains("Last test accuracy 70.22% at step 100."), html);
        assertFalse(html.contains("Test accuracy</th>"), "no summary table before the run ends");
        assertTrue(Files.exists(dir.resolve("plots/loss.png")));
        assertFalse(Files.exists(dir.resolve("plots/density.png")), "no rewire.jsonl, no density plot");
        assertFalse(Files.exists(dir.resolve("plots/connectivity.png")));
    }

    @Test
    void timesAreShownToTheSecondEvenFromARunThatWroteNanoseconds() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"old\", \"status\": \"finished\", "
                + "\"startedAt\": \"2026-11-22T15:40:00.289187920Z\", \"finishedAt\": \"2026-11-22T15:41:01.829464272Z\"}");
        String html = Files.readString(ReportBuilder.build(dir));
        assertTrue(html.contains(" started 2026-11-22T15:40:00Z"), html);
        assertTrue(html.contains("<th>Started</th><td>2026-11-22T15:40:00Z</td>"), html);
        assertTrue(html.contains("<th>Finished</th><td>2026-11-22T15:41:01Z</td>"), html);
        assertFalse(html.contains("289187920"));
    }

    @Test
    void aRunWithOnlyRunJsonStillGetsAPage() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"fresh\", \"status\": \"running\"}");
        String html = Files.readString(ReportBuilder.build(dir));
        assertTrue(html.contains("<h1>fresh</h1>"));
        assertFalse(html.contains("data:image/png"), "nothing to plot yet");
    }
}
