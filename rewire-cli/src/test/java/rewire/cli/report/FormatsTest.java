package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void percentages() {
        assertEquals("88.50%", Formats.percent(0.885));
        assertEquals("0.500%", Formats.percent(0.005), "small densities keep three decimals");
        assertEquals("0.00%", Formats.percent(0));
        assertEquals(Formats.ABSENT, Formats.percent(Double.NaN));
    }

    @Test
    void siPrefixes() {
        assertEquals("1.20 TFLOP", Formats.flops(1.2e12));
        assertEquals("580 kFLOP", Formats.flops(5.8e5));
        assertEquals("999 ", Formats.si(999));
        assertEquals("1.00 k", Formats.si(999.6), "rounding up crosses into the next prefix");
        assertEquals("400G", Formats.siTick(4e11));
        assertEquals("1.5k", Formats.siTick(1500));
        assertEquals("0", Formats.siTick(0));
    }

    @Test
    void bytesDurationsRatiosNumbers() {
        assertEquals("774.4 MiB", Formats.bytes(812_000_000));
        assertEquals("512 B", Formats.bytes(512));
        assertEquals(Formats.ABSENT, Formats.bytes(-1));
        assertEquals("61.2 s", Formats.seconds(61.2));
        assertEquals("12 min 5 s", Formats.seconds(725));
        assertEquals("2 h 3 min", Formats.seconds(7380));
        assertEquals(Formats.ABSENT, Formats.seconds(Double.NaN));
        assertEquals("0.121 (8.3\u00d7 fewer)", Formats.ratio(0.1212));
        assertEquals("1.000", Formats.ratio(1));
        assertEquals("0.3321", Formats.number(0.33214));
        assertEquals("0.33", Formats.number(0.33));
        assertEquals("1.5e-05", Formats.number(1.5e-5));
        assertEquals("2,940", Formats.number(2940));
    }

    @Test
    void timestampsToTheSecondInUtc() {
        assertEquals("2026-11-22T15:40:00Z", Formats.timestamp("2026-11-22T15:40:00.123456789Z"),
                "the nanoseconds older runs wrote are dropped");
        assertEquals("2026-11-22T15:40:00Z", Formats.timestamp("2026-11-22T15:40:00Z"));
        assertEquals("yesterday", Formats.timestamp("yesterday"), "not a timestamp: shown as written");
        assertEquals(Formats.ABSENT, Formats.timestamp(null));
    }
}
