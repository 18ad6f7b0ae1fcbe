package io.ordergate.mt5;

import io.ordergate.engine.command.BodyWriter;

/**
 * Encoders of seed 004's command bodies, each beside its layout; {@link InvestorFlow} reads them back in the same
 * order. The password travels sealed ({@code SecretBox} text, AES-256-GCM under the master key) with the context it
 * was sealed under; the plain password is never in a body. Stateless: safe from any thread.
 */
public final class InvestorBodies
{
    private InvestorBodies()
    {
    }

    /** INVESTOR_CONNECT, INVESTOR_TEST: account id (empty for a test naming none) | login | server | sealed | seal context. */
    public static void credentials(
        final BodyWriter writer, final CharSequence accountId, final long login, final CharSequence server, final CharSequence sealed,
        final CharSequence sealContext)
    {
        writer.putString(accountId).putLong(login).putString(server).putString(sealed).putString(sealContext);
    }

    /** INVESTOR_SYNC, INVESTOR_DISCONNECT, INVESTOR_STATUS: account id. */
    public static void accountId(final BodyWriter writer, final CharSequence accountId)
    {
        writer.putString(accountId);
    }

    /** INVESTOR_OUTCOME: the operation's id. */
    public static void outcome(final BodyWriter writer, final long opId)
    {
        writer.putLong(opId);
    }
}
