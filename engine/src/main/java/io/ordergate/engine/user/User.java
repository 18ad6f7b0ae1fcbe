package io.ordergate.engine.user;

import java.util.ArrayList;
import java.util.List;

/**
 * One person who signs in. <b>Not thread safe</b>: owned by the engine thread.
 */
final class User
{
    static final String[] NO_PAIRS = new String[0];

    final int index;
    final String id;
    final String email;
    final String username;
    /** The engine principal the user's commands carry: its scope follows the role, its accounts the ownership. */
    final int principal;
    final long createdMicros;
    String name;
    Role role;
    boolean disabled;
    /** The PHC string of the password's slow hash (computed by the gateway's workers before publishing). */
    String passwordHash;
    /** Bumped by every password change: a login verified against an older hash is refused. */
    int credentialEpoch;
    long updatedMicros;
    /** Indexes of the accounts the user owns, in the order they were given. */
    int[] accounts = new int[0];

    // onboarding (seed 002)
    String brokerConnectionId;
    String brokerName;
    String brokerAccountNumber;
    int brokerAccountType;
    String brokerLabel;
    long brokerConnectedMicros;
    /** Broker accounts this user connected (each a new account), deleted since or not: {@code engine.max_broker_connections_per_user} at most. */
    int brokerConnections;
    boolean disclaimerAccepted;
    /** Hundredths of a percent. */
    long riskPercent;
    String[] preferredPairs = NO_PAIRS;

    // password reset: only the SHA-256 of the token is kept
    String resetTokenHash;
    long resetExpiresMicros;

    /** Live sessions, oldest first. */
    final List<Session> sessions = new ArrayList<>();

    User(final int index, final String id, final String email, final String username, final int principal,
        final long createdMicros)
    {
        this.index = index;
        this.id = id;
        this.email = email;
        this.username = username;
        this.principal = principal;
        this.createdMicros = createdMicros;
        this.updatedMicros = createdMicros;
    }

    boolean onboarded()
    {
        return brokerConnectionId != null && disclaimerAccepted;
    }
}
