package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rewire.config.Config;
import rewire.data.Dataset;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.train.ParamGroup;

/**
 * {@code model.arch: vit} from configuration: the {@code model.vit} keys bind, a setting that
 * cannot work is an error naming its key, and the shipped ViT examples build a model whose every
 * linear layer follows their recipe.
 */
class VitConfigTest {

    @Test
    void theVitKeysBind() {
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("model.arch=vit", "model.vit.patch=4",
                "model.vit.width=32", "model.vit.layers=2", "model.vit.heads=8", "model.vit.mlpRatio=4"));
        assertEquals(ModelSettings.Arch.VIT, config.model().arch());
        assertEquals(new VitSettings(4, 32, 2, 8, 4), config.model().vit());
    }

    @Test
    void headsThatDoNotDivideTheWidthAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.load(
                ClassifyConfig.class, List.of("model.arch=vit", "model.vit.heads=3")));
        assertTrue(e.getMessage().contains("model.vit.heads 3 must divide model.vit.width 64"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Config.load(ClassifyConfig.class,
                List.of("model.vit.layers=0")));
        assertTrue(e.getMessage().contains("model.vit"), e.getMessage());
    }

    @Test
    void aPatchThatDoesNotDivideTheImageIsRefusedByName() {
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("model.arch=vit", "model.vit.patch=5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifyRuns.spec(config, TrainingRunTest.syntheticImages(new Rng(1), 64, 8), Kernels.defaults()));
        assertEquals("model.vit.patch 5 must divide the image's height 28 and width 28", e.getMessage());
    }

    @Test
    void aVitNeedsImages() {
        Dataset flat = Dataset.of("flat", Shape.of(784), new float[784 * 4], new int[] {0, 1, 2, 3}, 10);
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("model.arch=vit"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifyRuns.spec(config, new Split(flat, flat), Kernels.defaults()));
        assertTrue(e.getMessage().startsWith("model.arch vit needs images"), e.getMessage());
    }

    @Test
    void theShippedExamplesBuildAViTWhoseLinearLayersFollowTheirRecipe() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            examples = files.filter(f -> f.getFileName().toString().matches("vit-.*\\.yaml")).sorted().toList();
        }
        assertEquals(3, examples.size(), examples.toString());
        for (Path file : examples) {
            ClassifyConfig config = Config.load(ClassifyConfig.class, file, List.of());
            assertEquals(ModelSettings.Arch.VIT, config.model().arch(), file.toString());
            RunSpec spec = ClassifyRuns.spec(config, TrainingRunTest.syntheticImages(new Rng(2), 256, 16),
                    Kernels.defaults());
            ParamGroup group = spec.workload().groups().getFirst();
            int linearLayers = 2 + 4 * config.model().vit().layers();
            assertEquals(config.sparsity().isDense() ? 0 : linearLayers, group.sparseLayers().size(), file.toString());
            assertEquals(linearLayers, group.flopLayers().size(), file.toString());
        }
    }
}
