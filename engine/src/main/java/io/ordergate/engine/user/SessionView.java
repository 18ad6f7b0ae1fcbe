package io.ordergate.engine.user;

/**
 * A session as the engine left it after a command, for the gateway's directory. Immutable: safe from any thread.
 *
 * @param generation the refresh generation that may rotate next
 * @param ended      logged out, terminated, reused or ended by a password reset or a disabled user
 */
public record SessionView(
    String id, String userId, int generation, boolean ended, long createdMicros, long refreshedMicros,
    String ipAddress, String userAgent, String deviceType)
{
}
