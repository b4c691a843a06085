package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerResultTest {
    // a result at Rewire's default preprocessing, rewiring 10% of the training seconds for sparse runs
    static PeerResult result(String side, String method, double density, String setting, double seconds, double rss,
                             double accuracy) {
        return result(side, method, PeerResult.DEFAULT_STANDARDIZE, density, setting, seconds, rss, accuracy);
    }

    static PeerResult result(String side, String method, String standardize, double density, String setting,
                             double seconds, double rss, double accuracy) {
        double training = method.equals("dense") ? seconds : seconds / 1.1;
        return new PeerResult(side, method, standardize, density, density, setting.startsWith("2") ? 2 : 1, setting,
                training, seconds - training, 59904 / seconds, rss, 1.8e12, density * 1.8e12, accuracy, 2, 5);
    }

    @Test
    void csvRoundTripsAndAcceptsThePrefix() {
        PeerResult r = result("rewire", "rigl", 0.05, "2 (rewire.threads)", 1.25, 201.5, 0.8731);
        assertEquals(r, PeerResult.parse(r.toCsv()));
        assertEquals(r, PeerResult.parse(PeerResult.PREFIX + r.toCsv() + "\n"));
        assertEquals(PeerResult.HEADER.split(",").length, r.toCsv().split(",").length);
        assertEquals(1.25, r.totalSeconds(), 1e-12);
    }

    @Test
    void readsWhatPythonPrints() {
        PeerResult r = PeerResult.parse("PEER_RESULT,torch,rigl,none,0.01,0.0100004,1,1,0.8716309499995987,"
                + "0.0512,4405.53,361.6484375,233410560000,2349557760,0.79,2,5");
        assertEquals("torch rigl 1% (x/255)", r.label());
        assertEquals(2349557760.0, r.nominalFlops());
        assertEquals(0.79, r.accuracy());
        assertEquals(0.9228309499995987, r.totalSeconds(), 1e-12);
        assertTrue(r.peerPreprocessing());
    }

    @Test
    void parseAllSkipsHeaderAndBlankLines() {
        PeerResult r = result("torch", "dense", 1, "1", 12, 350, 0.88);
        assertEquals(List.of(r, r), PeerResult.parseAll(List.of(PeerResult.HEADER, r.toCsv(), "", r.toCsv())));
    }

    @Test
    void rejectsMalformedLines() {
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> PeerResult.parse("rewire,rigl,0.1"));
        assertTrue(fields.getMessage().contains("16 fields"), fields.getMessage());
        String bad = result("rewire", "rigl", 0.1, "1", 1, 1, 0.5).toCsv().replace(",0.5,", ",half,");
        assertThrows(IllegalArgumentException.class, () -> PeerResult.parse(bad));
        assertThrows(IllegalArgumentException.class, () -> result("jax", "rigl", 0.1, "1", 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> result("rewire", "rigl", 0, "1", 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> result("rewire", "rigl", 0.1, "1, 2", 1, 1, 0.5));
        IllegalArgumentException preprocessing = assertThrows(IllegalArgumentException.class,
                () -> result("rewire", "rigl", "per-feature", 0.1, "1", 1, 1, 0.5));
        assertTrue(preprocessing.getMessage().contains("'per-feature'"), preprocessing.getMessage());
    }

    @Test
    void peakRssReadsVmHwmInMiB() {
        assertEquals(200.5, PeakRss.parseMiB(List.of("Name: java", "VmPeak: 9 kB", "VmHWM:\t  205312 kB", "VmRSS: 1 kB")));
        assertTrue(Double.isNaN(PeakRss.parseMiB(List.of("Name: java"))));
        assertThrows(IllegalArgumentException.class, () -> PeakRss.parseMiB(List.of("VmHWM: 12 MB")));
    }

    @Test
    void userCommandRoundTripsAndNamesABadLine() {
        UserCommand m = new UserCommand(0.01, 951.25, 14.5, "./rewire train sparsity.density=0.01");
        assertEquals(List.of(m), UserCommand.parseAll(List.of(UserCommand.HEADER, m.toCsv(), "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserCommand.parse("0.01,lots,14.5,./rewire train"));
        assertTrue(e.getMessage().contains("'0.01,lots,14.5,./rewire train'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UserCommand(0.01, 0, 14.5, "./rewire train"));
    }
}
