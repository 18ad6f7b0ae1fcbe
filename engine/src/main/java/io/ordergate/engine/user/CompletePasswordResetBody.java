package io.ordergate.engine.user;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;

/**
 * Reads a COMPLETE_PASSWORD_RESET body, the one place besides its writer ({@link UserBodies#completePasswordReset}) that
 * knows its layout: hex SHA-256 of the token | the new password's hash | revoke the user's API keys (byte; absent in
 * resets journaled before a reset revoked keys, which read as not revoking them). Its readers: the engine's
 * {@code SessionFlow}, and the gateway's key registry and user directory as they follow the journal.
 * Reading allocates nothing: the strings are views into the frame, valid until the next {@link #wrap}.
 * <b>Not thread safe</b>: one per reading thread.
 */
public final class CompletePasswordResetBody
{
    private final BodyReader reader = new BodyReader();
    private final AsciiView tokenHash = new AsciiView();
    private final AsciiView passwordHash = new AsciiView();
    private boolean revokesKeys;

    /** Reads the body of {@code event}, a COMPLETE_PASSWORD_RESET command. */
    public CompletePasswordResetBody wrap(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        reader.readString(tokenHash);
        reader.readString(passwordHash);
        revokesKeys = reader.position() < event.frameLength() && reader.readBoolean();
        return this;
    }

    /** The hex SHA-256 of the reset token the user presented. */
    public AsciiView tokenHash()
    {
        return tokenHash;
    }

    /** The new password's slow hash (a PHC string); empty is refused by the engine. */
    public AsciiView passwordHash()
    {
        return passwordHash;
    }

    /** Whether the reset revokes every API key its user owns. */
    public boolean revokesKeys()
    {
        return revokesKeys;
    }
}
