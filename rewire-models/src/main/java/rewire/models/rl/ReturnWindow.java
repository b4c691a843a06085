package rewire.models.rl;

import java.util.Arrays;

/** The returns of the last few training episodes, for the live status; saved as exact decimal text. */
final class ReturnWindow {
    private final double[] returns;
    private long count;

    ReturnWindow(int size) {
        this.returns = new double[size];
    }

    void add(double episodeReturn) {
        returns[(int) (count % returns.length)] = episodeReturn;
        count++;
    }

    /** The mean over the episodes held; NaN before the first. */
    double mean() {
        int held = (int) Math.min(count, returns.length);
        return held == 0 ? Double.NaN : Arrays.stream(returns, 0, held).sum() / held;
    }

    String encode() {
        StringBuilder b = new StringBuilder().append(count);
        for (double r : returns) {
            b.append(' ').append(r);
        }
        return b.toString();
    }

    void decode(String text) {
        String[] f = text.trim().split(" ");
        if (f.length != returns.length + 1) {
            throw new IllegalArgumentException("return window '" + text + "' should hold " + (returns.length + 1)
                    + " numbers");
        }
        count = Long.parseLong(f[0]);
        for (int i = 0; i < returns.length; i++) {
            returns[i] = Double.parseDouble(f[i + 1]);
        }
    }
}
