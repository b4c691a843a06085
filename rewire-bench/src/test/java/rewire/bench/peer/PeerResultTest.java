package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerResultTest {
    static PeerResult result(String side, String method, double density, String setting, double seconds, double rss,
                             double accuracy) {
        return new PeerResult(side, method, density, density, setting.startsWith("2") ? 2 : 1, setting, seconds,
                59904 / seconds, rss, 1.8e12, density * 1.8e12, accuracy, 4);
    }

    @Test
    void csvRoundTripsAndAcceptsThePrefix() {
        PeerResult r = result("rewire", "rigl", 0.05, "2 (rewire.threads)", 1.25, 201.5, 0.8731);
        assertEquals(r, PeerResult.parse(r.toCsv()));
        assertEquals(r, PeerResult.parse(PeerResult.PREFIX + r.toCsv() + "\n"));
        assertEquals(PeerResult.HEADER.split(",").length, r.toCsv().split(",").length);
    }

    @Test
    void readsWhatPythonPrints() {
        PeerResult r = PeerResult.parse("PEER_RESULT,torch,rigl,0.01,0.0100004,1,1,0.8716309499995987,4405.53,"
                + "361.6484375,233410560000,2349557760,0.79,4");
        assertEquals("torch rigl 1%", r.label());
        assertEquals(2349557760.0, r.nominalFlops());
        assertEquals(0.79, r.accuracy());
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
        assertTrue(fields.getMessage().contains("13 fields"), fields.getMessage());
        String bad = result("rewire", "rigl", 0.1, "1", 1, 1, 0.5).toCsv().replace(",0.5,", ",half,");
        assertThrows(IllegalArgumentException.class, () -> PeerResult.parse(bad));
        assertThrows(IllegalArgumentException.class, () -> result("jax", "rigl", 0.1, "1", 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> result("rewire", "rigl", 0, "1", 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> result("rewire", "rigl", 0.1, "1, 2", 1, 1, 0.5));
    }

    @Test
    void peakRssReadsVmHwmInMiB() {
        assertEquals(200.5, PeakRss.parseMiB(List.of("Name: java", "VmPeak: 9 kB", "VmHWM:\t  205312 kB", "VmRSS: 1 kB")));
        assertTrue(Double.isNaN(PeakRss.parseMiB(List.of("Name: java"))));
        assertThrows(IllegalArgumentException.class, () -> PeakRss.parseMiB(List.of("VmHWM: 12 MB")));
    }

    @Test
    void medianOfTheTimedEpochs() {
        assertEquals(2.0, EpochClock.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(1.5, EpochClock.median(List.of(2.0, 1.0)));
    }
}
