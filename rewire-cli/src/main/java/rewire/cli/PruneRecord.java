package rewire.cli;

import java.util.List;
import rewire.prune.PruneReport;
import rewire.train.Evaluation;

/**
 * prune.json of a pruned run folder: where the model came from, how it was pruned, its quality
 * before and after, each layer's density and the time pruning took.
 *
 * @param source              the trained run folder
 * @param sourceStep          the steps its checkpoint had trained
 * @param method              the method's key ("wanda", "wanda+dsnot")
 * @param paper               the method's paper
 * @param target              the sparsity target ("50%", "2:4")
 * @param calibration         calibration sequences (0 for magnitude)
 * @param seed                the calibration draw's seed
 * @param recomputeAfterPrune whether each block calibrated on the pruned blocks before it
 * @param before              validation loss and perplexity of the trained model
 * @param after               the same of the pruned model
 * @param density             weights kept over the pruned layers' dense size
 * @param calibrationSeconds  time in calibration forward passes
 * @param pruneSeconds        time choosing masks and values
 * @param layers              every pruned layer: name, rows, cols, entries before and after
 */
record PruneRecord(String source, long sourceStep, String method, String paper, String target, int calibration,
                   long seed, boolean recomputeAfterPrune, Pruning.Quality before, Pruning.Quality after,
                   double density, double calibrationSeconds, double pruneSeconds, List<PruneReport.Layer> layers) {

    static PruneRecord of(LoadedRun source, Pruning.Request request, Evaluation before, Evaluation after,
                          PruneReport report) {
        return new PruneRecord(source.folder().dir().toAbsolutePath().toString(), source.step(), report.method(),
                request.method().paper(), request.target().toString(), report.calibration(), request.seed(),
                report.recomputeAfterPrune(), Pruning.Quality.of(before), Pruning.Quality.of(after), report.density(),
                report.calibrationSeconds(), report.pruneSeconds(), report.layers());
    }
}
