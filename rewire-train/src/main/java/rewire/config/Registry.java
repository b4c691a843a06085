package rewire.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named entries of one kind, usually factories ({@code Registry<Supplier<Recipe>>} for recipes,
 * models, datasets), looked up by the names a configuration holds. A miss names the kind, suggests
 * the nearest registered name and lists the known ones. Names are lower-case words joined by
 * {@code -}, {@code _} or {@code .}. Thread-safe.
 *
 * @param <T> what is registered
 */
public final class Registry<T> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._\\-][a-z0-9]+)*");

    private final String kind;
    private final Map<String, T> entries = new LinkedHashMap<>();

    /** An empty registry; {@code kind} ("recipe", "model") names entries in messages. */
    public Registry(String kind) {
        this.kind = kind;
    }

    /**
     * Adds {@code entry} under {@code name}.
     *
     * @throws IllegalArgumentException for a malformed name or one already registered
     */
    public synchronized Registry<T> register(String name, T entry) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " name '" + name + "' must be lower-case words joined by - _ or .");
        }
        if (entry == null) {
            throw new IllegalArgumentException(kind + " '" + name + "' registered as null");
        }
        if (entries.putIfAbsent(name, entry) != null) {
            throw new IllegalArgumentException(kind + " '" + name + "' is already registered");
        }
        return this;
    }

    /**
     * The entry named {@code name}.
     *
     * @throws ConfigException for an unknown name, with the nearest known name and all known names
     */
    public synchronized T get(String name) {
        T entry = entries.get(name);
        if (entry == null) {
            List<String> known = names();
            throw new ConfigException("unknown " + kind + " '" + name + "'" + Suggest.didYouMean(Suggest.nearest(name, known))
                    + " (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        return entry;
    }

    /** The entry named {@code name}, if registered. */
    public synchronized Optional<T> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public synchronized boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Registered names in order of registration. */
    public synchronized List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** The kind of entry, as used in messages. */
    public String kind() {
        return kind;
    }

    @Override
    public synchronized String toString() {
        return "Registry(" + kind + ": " + String.join(", ", entries.keySet()) + ")";
    }
}
