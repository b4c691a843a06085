package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.bench.peer.DocBlock;

class BenchmarkReportPeerBlockTest {

    @Test
    void rewritingTheKernelReportKeepsThePeerBlock(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Kernels\n\nold tables\n\n" + DocBlock.PEER.begin() + "\npeer numbers\n" + DocBlock.PEER.end() + "\n");
        assertEquals("# Kernels, rerun\n\n" + DocBlock.PEER.begin() + "\npeer numbers\n" + DocBlock.PEER.end() + "\n",
                BenchmarkReport.keepBlocks(doc, "# Kernels, rerun\n"));
    }

    @Test
    void theInferenceBlockIsKeptAfterThePeerBlock(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        String peer = DocBlock.PEER.begin() + "\npeer\n" + DocBlock.PEER.end();
        String inference = DocBlock.INFERENCE.begin() + "\nlatency\n" + DocBlock.INFERENCE.end();
        Files.writeString(doc, "# Kernels\n\n" + inference + "\n\n" + peer + "\n");
        assertEquals("# New\n\n" + peer + "\n\n" + inference + "\n", BenchmarkReport.keepBlocks(doc, "# New\n"));
    }

    @Test
    void aFileWithoutTheBlockIsJustRewritten(@TempDir Path dir) throws Exception {
        assertEquals("# Kernels\n", BenchmarkReport.keepBlocks(dir.resolve("missing.md"), "# Kernels\n"));
        Path doc = dir.resolve("plain.md");
        Files.writeString(doc, "# old\n");
        assertEquals("# Kernels\n", BenchmarkReport.keepBlocks(doc, "# Kernels\n"));
    }
}
