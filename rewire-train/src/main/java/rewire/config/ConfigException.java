package rewire.config;

/**
 * A configuration that cannot be read or bound: a syntax error (with file and line), a value of
 * the wrong type (with key, value and expected type), an unknown key or name (with the nearest
 * valid one), a missing required key.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
