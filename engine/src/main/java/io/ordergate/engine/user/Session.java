package io.ordergate.engine.user;

/**
 * One signed-in session: what a login made, what every access and refresh token of it names.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class Session
{
    final String id;
    final User user;
    final long createdMicros;
    final String ipAddress;
    final String userAgent;
    final String deviceType;
    /** The generation of the only refresh token that may rotate; an older one presented again is a reuse. */
    int generation;
    long refreshedMicros;
    boolean ended;

    Session(final String id, final User user, final long createdMicros, final String ipAddress, final String userAgent,
        final String deviceType)
    {
        this.id = id;
        this.user = user;
        this.createdMicros = createdMicros;
        this.refreshedMicros = createdMicros;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.deviceType = deviceType;
    }
}
