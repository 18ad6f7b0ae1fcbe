package io.ordergate.config;

/** {@code GET /api/v1/logs}: how many decoded lines are kept per account. Immutable: safe from any thread. */
public final class LogsConfig
{
    public static final int LINES_PER_ACCOUNT_DEFAULT = 1000;

    private final int linesPerAccount;

    LogsConfig(final int linesPerAccount)
    {
        this.linesPerAccount = linesPerAccount;
    }

    static LogsConfig read(final YamlSection s)
    {
        final LogsConfig config = new LogsConfig(s.intValue("lines_per_account", LINES_PER_ACCOUNT_DEFAULT, 1, 1_000_000));
        s.finish();
        return config;
    }

    /** The newest lines kept per account (older ones are still in the journal, for the dump tool). */
    public int linesPerAccount()
    {
        return linesPerAccount;
    }

    @Override
    public String toString()
    {
        return "LogsConfig{linesPerAccount=" + linesPerAccount + '}';
    }
}
