package rewire.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

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
    void parsesWhitespaceEscapesAndNumbers() {
        Object v = Json.parse(" { \"a\" : [ 0 , -0.5e+2, 12345678901234, \"\\u0041\\/\\t\" ] } ");
        assertEquals(Map.of("a", List.of(0L, -50.0, 12345678901234L, "A/\t")), v);
    }

    @Test
    void rejectsMalformedTextWithTheOffset() {
        for (String bad : Arrays.asList("{\"a\":1,}", "[1 2]", "{\"a\":1,\"a\":2}", "01", "\"abc", "tru", "{a:1}",
                "[1] x", "", "\"\\x\"", "1.", "-", "[" .repeat(300))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("JSON at offset "), e.getMessage());
        }
        assertEquals("JSON at offset 7: duplicate key \"a\"", assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\":1,\"a\":2}")).getMessage());
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Float.POSITIVE_INFINITY));
    }
}
