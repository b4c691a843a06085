package rewire.models.marl;

/** The returns and outcomes of the last training episodes as checkpoint text (doubles in their exact decimal form). */
final class RecentEpisodes {
    private RecentEpisodes() {
    }

    /** "return:won return:won ..." in slot order. */
    static String encode(double[] returns, boolean[] won) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < returns.length; k++) {
            b.append(k == 0 ? "" : " ").append(returns[k]).append(':').append(won[k] ? 1 : 0);
        }
        return b.toString();
    }

    /** Fills {@code returns} and {@code won} from {@link #encode}'s text. */
    static void decode(String text, double[] returns, boolean[] won) {
        String[] slots = text.trim().split(" ");
        if (slots.length != returns.length) {
            throw new IllegalArgumentException("recent episodes: " + slots.length + " saved, " + returns.length
                    + " expected");
        }
        for (int k = 0; k < slots.length; k++) {
            int colon = slots[k].indexOf(':');
            returns[k] = Double.parseDouble(slots[k].substring(0, colon));
            won[k] = slots[k].charAt(colon + 1) == '1';
        }
    }
}
