package io.ordergate.engine.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.agrona.DirectBuffer;

import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;

/**
 * The users room's answer: every user and session a command changed, as the engine left them, written into the
 * event's output ({@link CommandEvent#OUTPUT_USER_RECORDS}) so the gateway's directory mirrors the engine without
 * re-deciding anything. Written on the engine thread, read on the reply thread (or the replaying one).
 *
 * <pre>
 *   count (int) | record ...
 *   user    : 1 (byte) | index (int) | principal (int) | id | email | username | name | role (byte) | disabled (byte)
 *             | password hash | credential epoch (int) | created (long) | updated (long) | account ids (int n, n strings)
 *             | broker connection id ("" for none) | broker name | account number | account type (byte) | label
 *             | connected (long) | disclaimer (byte) | risk percent hundredths (long) | pairs (int n, n strings)
 *   session : 2 (byte) | id | user id | generation (int) | ended (byte) | created (long) | refreshed (long)
 *             | ip address | user agent | device type
 * </pre>
 */
public final class UserRecords
{
    private static final int USER = 1;
    private static final int SESSION = 2;

    /** Receives the records of one event, in order. */
    public interface Sink
    {
        void user(UserView user);

        void session(SessionView session);
    }

    private final BodyWriter writer = new BodyWriter();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private CommandEvent event;
    private int count;

    // ---- engine thread ----

    /** Starts the records of a command in its output. */
    void begin(final CommandEvent event)
    {
        this.event = event;
        this.count = 0;
        writer.wrap(event.output, 0).putInt(0);
        event.outputKind = CommandEvent.OUTPUT_USER_RECORDS;
        event.outputLength = writer.length();
    }

    void user(final User user, final Accounts accounts)
    {
        writer.putByte(USER).putInt(user.index).putInt(user.principal).putString(user.id).putString(user.email)
            .putString(user.username).putString(user.name).putByte(user.role.code()).putBoolean(user.disabled)
            .putString(user.passwordHash).putInt(user.credentialEpoch).putLong(user.createdMicros)
            .putLong(user.updatedMicros).putInt(user.accounts.length);
        for (final int account : user.accounts)
        {
            writer.putString(accounts.get(account).id);
        }
        writer.putString(user.brokerConnectionId == null ? "" : user.brokerConnectionId).putString(user.brokerName)
            .putString(user.brokerAccountNumber).putByte(user.brokerAccountType).putString(user.brokerLabel)
            .putLong(user.brokerConnectedMicros).putBoolean(user.disclaimerAccepted).putLong(user.riskPercent)
            .putInt(user.preferredPairs.length);
        for (final String pair : user.preferredPairs)
        {
            writer.putString(pair);
        }
        written();
    }

    void session(final Session session)
    {
        writer.putByte(SESSION).putString(session.id).putString(session.user.id).putInt(session.generation)
            .putBoolean(session.ended).putLong(session.createdMicros).putLong(session.refreshedMicros)
            .putString(session.ipAddress).putString(session.userAgent).putString(session.deviceType);
        written();
    }

    private void written()
    {
        event.output.putInt(0, ++count);
        event.outputLength = writer.length();
    }

    // ---- reply thread (or replay) ----

    /** Reads the records of an event whose output kind is {@link CommandEvent#OUTPUT_USER_RECORDS}; allocates. */
    public void read(final DirectBuffer output, final Sink sink)
    {
        reader.wrap(output, 0);
        final int records = reader.readInt();
        for (int i = 0; i < records; i++)
        {
            if (reader.readByte() == USER)
            {
                sink.user(readUser());
            }
            else
            {
                sink.session(new SessionView(string(), string(), reader.readInt(), reader.readBoolean(), reader.readLong(),
                    reader.readLong(), string(), string(), string()));
            }
        }
    }

    private UserView readUser()
    {
        final int index = reader.readInt();
        final int principal = reader.readInt();
        final String id = string();
        final String email = string();
        final String username = string();
        final String name = string();
        final Role role = Role.fromCode(reader.readByte());
        final boolean disabled = reader.readBoolean();
        final String hash = string();
        final int epoch = reader.readInt();
        final long created = reader.readLong();
        final long updated = reader.readLong();
        final List<String> accounts = strings();
        final String connection = string();
        final String brokerName = string();
        final String accountNumber = string();
        final int accountType = reader.readByte();
        final String label = string();
        final long connected = reader.readLong();
        final UserView.Broker broker = connection.isEmpty() ? null : new UserView.Broker(connection, brokerName,
            accountNumber, accountType == UserBodies.ACCOUNT_TYPE_LIVE ? "live" : "demo", label, connected);
        final boolean disclaimer = reader.readBoolean();
        final long risk = reader.readLong();
        final List<String> pairs = strings();
        return new UserView(index, principal, id, email, username, name, role, disabled, hash, epoch, created, updated,
            accounts, broker, disclaimer, risk, pairs);
    }

    private String string()
    {
        return reader.readString(text).toString();
    }

    private List<String> strings()
    {
        final int n = reader.readInt();
        final List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            values.add(string());
        }
        return Collections.unmodifiableList(values);
    }
}
