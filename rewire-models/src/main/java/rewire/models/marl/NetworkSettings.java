package rewire.models.marl;

/**
 * The value networks' sizes (pymarl's defaults).
 *
 * @param mixer       how agent utilities combine into the team's value
 * @param hidden      agent network width and GRU state size (rnn_hidden_dim, 64)
 * @param hyperHidden QMIX hypernetwork hidden width (hypernet_embed, 64)
 * @param embed       QMIX mixing embedding (mixing_embed_dim, 32)
 */
public record NetworkSettings(MixerKind mixer, int hidden, int hyperHidden, int embed) {

    /** The mixers of {@code network.mixer}. */
    public enum MixerKind {
        /** VDN (Sunehag et al., 2018): the team value is the sum of the agents' utilities. */
        VDN,
        /** QMIX (Rashid et al., 2018): a monotonic mixing network whose weights hypernetworks make from the state. */
        QMIX
    }

    public NetworkSettings {
        if (mixer == null) {
            throw new IllegalArgumentException("network.mixer must be set");
        }
        if (hidden < 1 || hyperHidden < 1 || embed < 1) {
            throw new IllegalArgumentException("network sizes must be >= 1, got hidden " + hidden + ", hyperHidden "
                    + hyperHidden + ", embed " + embed);
        }
    }

    public static NetworkSettings defaults() {
        return new NetworkSettings(MixerKind.QMIX, 64, 64, 32);
    }
}
