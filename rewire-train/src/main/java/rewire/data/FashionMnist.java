package rewire.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017, "Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms"): 60,000 training and 10,000 test greyscale images of
 * 28x28 pixels in 10 clothing classes, stored as four IDX files, gzipped or not.
 *
 * <p>By default the files come from {@link #DEFAULT_DIR}, where the Debian package
 * {@code dataset-fashion-mnist} installs them; any directory holding the four files works too.
 * Pixels are scaled to {@code [0, 1]}; standardize with {@link Split#standardized}.
 */
public final class FashionMnist {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The command that installs the dataset on Debian and Ubuntu. */
    public static final String INSTALL_COMMAND = "sudo apt-get install -y dataset-fashion-mnist";
    /** Class names by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Image height and width in pixels. */
    public static final int SIDE = 28;

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private FashionMnist() {
    }

    /** Whether all four files are in {@code dir} (gzipped or not). */
    public static boolean isPresent(Path dir) {
        return FILES.stream().allMatch(base -> find(dir, base, new ArrayList<>()) != null);
    }

    /** Loads both splits from {@link #DEFAULT_DIR}; see {@link #load(Path)}. */
    public static Split load() throws IOException {
        return load(DEFAULT_DIR);
    }

    /**
     * Loads both splits from {@code dir}, which holds the four IDX files, each gzipped
     * ({@code name.gz}) or plain.
     *
     * @throws MissingDatasetException when a file is missing, naming the paths looked at and the
     *     install command
     * @throws IdxFormatException when a file is malformed, naming it and the defect
     */
    public static Split load(Path dir) throws IOException {
        List<Path> lookedAt = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Path[] files = new Path[FILES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = find(dir, FILES.get(i), lookedAt);
            if (files[i] == null) {
                missing.add(FILES.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingDatasetException("Fashion-MNIST not found: missing " + String.join(", ", missing)
                    + " (looked at " + lookedAt + "). Install it with `" + INSTALL_COMMAND + "` (it goes to "
                    + DEFAULT_DIR + ") or name a directory that holds the four IDX files.");
        }
        return new Split(split("fashion-mnist/train", files[0], files[1]), split("fashion-mnist/test", files[2], files[3]));
    }

    private static Dataset split(String name, Path images, Path labels) throws IOException {
        IdxArray x = IdxReader.read(images, 3);
        int[] dims = x.dims();
        if (dims[1] != SIDE || dims[2] != SIDE) {
            throw new IdxFormatException(images, "wrong dims: Fashion-MNIST images are " + SIDE + "x" + SIDE
                    + ", the header says " + dims[1] + "x" + dims[2]);
        }
        return IdxDataset.pair(name, x, IdxReader.read(labels, 1), CLASS_NAMES.size());
    }

    /** {@code dir/base.gz} or {@code dir/base}, whichever is a regular file first, else null. */
    private static Path find(Path dir, String base, List<Path> lookedAt) {
        for (Path candidate : List.of(dir.resolve(base + ".gz"), dir.resolve(base))) {
            lookedAt.add(candidate);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
