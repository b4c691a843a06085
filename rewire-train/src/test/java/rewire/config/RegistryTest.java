package rewire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void looksUpFactoriesAndSuggestsOnAMiss() {
        Registry<Supplier<String>> models = new Registry<Supplier<String>>("model")
                .register("mlp", () -> "an mlp").register("cnn", () -> "a cnn").register("lenet-300-100", () -> "lenet");
        assertEquals("an mlp", models.get("mlp").get());
        assertEquals(List.of("mlp", "cnn", "lenet-300-100"), models.names());
        assertEquals(Optional.empty(), models.find("gpt"));
        ConfigException miss = assertThrows(ConfigException.class, () -> models.get("mpl"));
        assertEquals("unknown model 'mpl'; did you mean 'mlp'? (known: mlp, cnn, lenet-300-100)", miss.getMessage());
        ConfigException far = assertThrows(ConfigException.class, () -> models.get("transformer"));
        assertEquals("unknown model 'transformer' (known: mlp, cnn, lenet-300-100)", far.getMessage());
    }

    @Test
    void rejectsDuplicatesAndMalformedNames() {
        Registry<String> r = new Registry<String>("recipe").register("rigl", "x");
        assertThrows(IllegalArgumentException.class, () -> r.register("rigl", "y"));
        assertThrows(IllegalArgumentException.class, () -> r.register("RigL", "y"));
        assertThrows(IllegalArgumentException.class, () -> r.register("a b", "y"));
    }

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertEquals(1, Suggest.distance("mpl", "mlp"));
        assertEquals(1, Suggest.distance("lrr", "lr"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(0, Suggest.distance("", ""));
        assertEquals(Optional.empty(), Suggest.nearest("ab", List.of("xy")));
    }
}
