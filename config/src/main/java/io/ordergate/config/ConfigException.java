package io.ordergate.config;

/**
 * A configuration or start-up option that cannot be used, naming the setting at fault. Immutable: safe from any
 * thread. Thrown only at start-up, by {@link ConfigLoader}, {@link StartupOptions} and the {@code with*} copies.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String key;

    /** A problem with the setting at {@code key}; the message is {@code "config error at <key>: <problem>"}. */
    public ConfigException(final String key, final String problem)
    {
        this(key, "config error at " + key + ": " + problem, null);
    }

    /** A problem with {@code key} whose message is given whole (start-up flags use {@code "--port: ..."}). */
    public ConfigException(final String key, final String message, final Throwable cause)
    {
        super(message, cause);
        this.key = key;
    }

    /** The full path of the bad setting, e.g. {@code instruments[1].digits}, {@code --port} or a file name. */
    public String key()
    {
        return key;
    }
}
