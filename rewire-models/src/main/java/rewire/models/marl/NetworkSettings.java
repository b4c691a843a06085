package rewire.models.marl;

/**
 * The value networks' sizes (pymarl's defaults).
 *
 * @param mixer       "qmix" or "vdn"
 * @param hidden      agent network width and GRU state size (rnn_hidden_dim, 64)
 * @param hyperHidden QMIX hypernetwork hidden width (hypernet_embed, 64)
 * @param embed       QMIX mixing embedding (mixing_embed_dim, 32)
 */
public record NetworkSettings(String mixer, int hidden, int hyperHidden, int embed) {

    public NetworkSettings {
        if (!mixer.equals("qmix") && !mixer.equals("vdn")) {
            throw new IllegalArgumentException("network.mixer must be qmix or vdn, got '" + mixer + "'");
        }
        if (hidden < 1 || hyperHidden < 1 || embed < 1) {
            throw new IllegalArgumentException("network sizes must be >= 1, got hidden " + hidden + ", hyperHidden "
                    + hyperHidden + ", embed " + embed);
        }
    }

    public static NetworkSettings defaults() {
        return new NetworkSettings("qmix", 64, 64, 32);
    }
}
