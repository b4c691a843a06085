package rewire.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** A record as a caller would write it to a file and read it back. */
    record Summary(String status, long steps, double loss, List<Integer> sizes, Optional<String> note) {
        Summary {
            FieldChecks.required(status, "status");
            if (steps < 0) {
                throw new InvalidFieldException("steps", "must be at least 0, got " + steps);
            }
        }
    }

    @Test
    void writesAndParsesBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "a\"b\\c\n\u0001é");
        value.put("n", List.of(1L, -2L, 2.5, 1.0E-10));
        value.put("b", true);
        value.put("z", null);
        value.put("o", Map.of());
        String text = Json.write(value);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\u0001é\",\"n\":[1,-2,2.5,1.0E-10],\"b\":true,\"z\":null,\"o\":{}}", text);
        assertEquals(value, Json.parse(text));
    }

    @Test
    void integersAreLongsAndOtherNumbersDoubles() {
        Object v = Json.parse(" { \"a\" : [ 0 , -0.5e+2, 12345678901234, 7, 2.0, \"\\u0041\\/\\t\" ] } ");
        assertEquals(Map.of("a", List.of(0L, -50.0, 12345678901234L, 7L, 2.0, "A/\t")), v);
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> Json.parse("[9223372036854775808]"));
        assertTrue(huge.getMessage().startsWith("JSON at line 1, column 21: Numeric value (9223372036854775808) out of range"),
                huge.getMessage());
    }

    @Test
    void rejectsMalformedTextWithLineAndColumn() {
        for (String bad : Arrays.asList("{\"a\":1,}", "[1 2]", "{\"a\":1,\"a\":2}", "01", "\"abc", "tru", "{a:1}",
                "[1] x", "", "\"\\x\"", "1.", "-", "[NaN]", "{\"a\":1 // comment\n}", "[".repeat(300))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("JSON"), e.getMessage());
        }
        assertEquals("JSON at line 2, column 4: Duplicate Object property \"a\"", assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\":1,\n\"a\":2}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(257) + "]".repeat(257)))
                .getMessage().contains("nesting depth (257) exceeds the maximum allowed"));
    }

    /** JSON has no NaN or infinity: Jackson alone would write them as strings; here no such number reaches a file. */
    @Test
    void refusesNonFiniteNumbersWhereverTheyAre() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new double[] {1, Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new float[] {Float.NaN}));
        IllegalArgumentException inRecord = assertThrows(IllegalArgumentException.class,
                () -> Json.write(new Summary("done", 1, Double.NaN, List.of(), Optional.empty())));
        assertTrue(inRecord.getMessage().startsWith("cannot write JSON: loss: JSON has no NaN"), inRecord.getMessage());
        assertEquals("[1.0,2.5]", Json.write(new double[] {1, 2.5}));
    }

    @Test
    void recordsAreWrittenInComponentOrderAndReadBack() {
        Summary summary = new Summary("finished", 120, 0.25, List.of(3, 4), Optional.of("x"));
        String text = Json.write(summary);
        assertEquals("{\"status\":\"finished\",\"steps\":120,\"loss\":0.25,\"sizes\":[3,4],\"note\":\"x\"}", text);
        assertEquals(summary, Json.read(text, Summary.class, "run.json"));
        assertEquals(Optional.empty(), Json.read("{\"status\":\"s\",\"steps\":1,\"loss\":1,\"sizes\":[]}",
                Summary.class, "run.json").note());
    }

    @Test
    void typedReadErrorsNameTheSourceTheFieldAndThePlace() {
        assertReadError("{\"status\":\"s\",\"steps\":1,\"loss\":1,\"sizes\":[1, 2.5]}",
                "run.json: sizes[1]: Cannot coerce Floating-point value (2.5) to `java.lang.Integer` value (at line 1, column 46)");
        assertReadError("{\"status\":\"s\",\"steps\":1,\"loss\":\"low\",\"sizes\":[]}",
                "run.json: loss: Cannot coerce String value (\"low\") to `double` value (at line 1, column 32)");
        assertReadError("{\"status\":\"s\",\"stepz\":1}", "run.json: stepz: unknown field (known: [status, steps, loss, sizes, note])");
        assertReadError("{\"steps\":1,\"loss\":1,\"sizes\":[]}", "run.json: status: missing");
        assertReadError("{\"status\":\"s\",\"steps\":-1,\"loss\":1,\"sizes\":[]}", "run.json: steps: must be at least 0, got -1");
        assertReadError("{\"status\":\"s\",", "run.json: not valid JSON: Unexpected end-of-input");
    }

    private static void assertReadError(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(json, Summary.class, "run.json"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
