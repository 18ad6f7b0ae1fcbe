package io.ordergate.mt5;

/** Where an executor command stands. Immutable: safe from any thread. */
public enum CommandStatus
{
    PENDING("pending"),
    EXECUTED("executed"),
    FAILED("failed");

    private final String wireName;

    CommandStatus(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }
}
