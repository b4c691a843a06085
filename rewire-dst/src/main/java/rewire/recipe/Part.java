package rewire.recipe;

/**
 * One named choice of a part of the DST engine, as recipe options, error messages, {@code rewire
 * recipes} and docs/methods.md name it: a prune criterion, a grow criterion, a constraint, a
 * distribution, a scope, a regrowth sampling, an init. Every kind is an enum listed in
 * {@link Parts}, so each name is written once.
 */
public interface Part {

    /** The name, the source and the one-line doc of this choice. */
    Info info();

    /** The name recipe options use, such as {@code "magnitude"} or {@code "N:M"}. */
    default String key() {
        return info().key();
    }

    /**
     * What describes a part.
     *
     * @param key   the name recipe options use
     * @param paper where it comes from: the paper, or what it is when it has none
     * @param doc   what it does, in one line
     */
    record Info(String key, String paper, String doc) {
    }
}
