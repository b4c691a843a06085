package rewire.models.gan;

import java.util.List;
import rewire.train.Score;

/**
 * The scores of a GAN run, named for the classifier that makes them: FID-FMNIST (primary, lower is
 * better), KID-FMNIST (lower is better) and the IS-like score (higher is better), all on the
 * features of the Rewire-trained Fashion-MNIST classifier ({@link QualitySettings}); with an IDX
 * image set of one's own, FID-IDX and so on. Never the Inception-based FID, KID or IS.
 */
final class QualityScores {
    static final String FID = "fid";
    static final String KID = "kid";
    static final String IS_LIKE = "isLike";

    private QualityScores() {
    }

    static List<Score> of(GanDataSettings.Format format) {
        String data = format == GanDataSettings.Format.FASHION_MNIST ? "FMNIST" : "IDX";
        return List.of(Score.loss(FID, "FID-" + data),
                Score.loss(KID, "KID-" + data),
                new Score(IS_LIKE, "IS-like score (" + data + " classifier)", Score.Direction.HIGHER_IS_BETTER, false));
    }
}
