package io.ordergate.mt5.ea;

/** One EA project (seed 002): a user's named home for EA versions. <b>Not thread safe</b>: engine thread. */
final class Project
{
    final int index;
    final int owner;
    final String name;
    final String strategyId;
    final long createdMicros;
    int versionCount;
    /** The newest version's index, or -1. */
    int latestVersion = -1;

    Project(final int index, final int owner, final String name, final String strategyId, final long createdMicros)
    {
        this.index = index;
        this.owner = owner;
        this.name = name;
        this.strategyId = strategyId;
        this.createdMicros = createdMicros;
    }

    String id()
    {
        return EaState.PROJECT_PREFIX + (index + 1);
    }
}
