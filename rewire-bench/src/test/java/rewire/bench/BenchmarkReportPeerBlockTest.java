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
        Files.writeString(doc, "# Kernels\n\nold tables\n\n" + DocBlock.BEGIN + "\npeer numbers\n" + DocBlock.END + "\n");
        assertEquals("# Kernels, rerun\n\n" + DocBlock.BEGIN + "\npeer numbers\n" + DocBlock.END + "\n",
                BenchmarkReport.keepPeerBlock(doc, "# Kernels, rerun\n"));
    }

    @Test
    void aFileWithoutTheBlockIsJustRewritten(@TempDir Path dir) throws Exception {
        assertEquals("# Kernels\n", BenchmarkReport.keepPeerBlock(dir.resolve("missing.md"), "# Kernels\n"));
        Path doc = dir.resolve("plain.md");
        Files.writeString(doc, "# old\n");
        assertEquals("# Kernels\n", BenchmarkReport.keepPeerBlock(doc, "# Kernels\n"));
    }
}
