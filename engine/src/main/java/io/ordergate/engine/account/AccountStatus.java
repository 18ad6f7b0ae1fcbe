package io.ordergate.engine.account;

/** Whether an account may take new exposure. */
public enum AccountStatus
{
    ACTIVE("active"),
    PAUSED("paused"),
    STOPPED("stopped");

    private final String wireName;

    AccountStatus(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }
}
