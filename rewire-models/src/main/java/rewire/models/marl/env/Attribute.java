package rewire.models.marl.env;

/** StarCraft II unit attributes that bonus damage and healing refer to. */
public enum Attribute {
    LIGHT, ARMORED, BIOLOGICAL, MECHANICAL, MASSIVE;

    /** The attribute named {@code name} in a data file (case-insensitive). */
    static Attribute parse(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
