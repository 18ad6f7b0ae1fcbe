package io.ordergate.engine.user;

import java.util.List;

/**
 * A user as the engine left it after a command, for the gateway's directory. Immutable: safe from any thread.
 *
 * @param passwordHash         the PHC string of the slow hash; the gateway verifies logins against it off the ring
 * @param credentialEpoch      bumped by every password change
 * @param riskPercentHundredths onboarding risk percent in hundredths
 */
public record UserView(
    int index, int principal, String id, String email, String username, String name, Role role, boolean disabled,
    String passwordHash, int credentialEpoch, long createdMicros, long updatedMicros, List<String> accountIds,
    Broker broker, boolean disclaimerAccepted, long riskPercentHundredths, List<String> preferredPairs)
{
    /** This user without one account (a deleted account leaves every user's list). */
    public UserView withoutAccount(final String accountId)
    {
        final List<String> rest = new java.util.ArrayList<>(accountIds);
        rest.remove(accountId);
        return new UserView(index, principal, id, email, username, name, role, disabled, passwordHash, credentialEpoch, createdMicros,
            updatedMicros, List.copyOf(rest), broker, disclaimerAccepted, riskPercentHundredths, preferredPairs);
    }

    /** The broker connection of onboarding: an mt5 account the user owns. */
    public record Broker(String connectionId, String brokerName, String accountNumber, String accountType, String label,
        long connectedMicros)
    {
    }

    /** Both onboarding steps are done: orders are no longer answered 428. */
    public boolean onboarded()
    {
        return broker != null && disclaimerAccepted;
    }
}
