package io.ordergate.engine.bot;

import java.nio.charset.StandardCharsets;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Member;

/**
 * A signal source: TradingView alerts for it fan out to its group's members and to its connected accounts (it may have
 * neither yet: seed 003 creates a bot by name and connects accounts later).
 * The engine keeps only the SHA-256 of its webhook secret and the gateway's sealed (encrypted) copy, never the
 * secret. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Bot
{
    public final String id;
    final byte[] idBytes;
    public String name;
    byte[] nameBytes;
    /** Seed 003's {@code base_name} and {@code timeframe}: kept and shown, not interpreted ("" when not given). */
    public String baseName = "";
    public String timeframe = "";
    public Group group;
    Member[] accounts = new Member[4];
    int accountCount;
    public int status;
    final byte[] secretHash;
    final byte[] sealedSecret;
    public final long createdAtMicros;
    public long updatedAtMicros;

    Bot(final String id, final String name, final byte[] secretHash, final byte[] sealedSecret, final long createdAtMicros)
    {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.name = name;
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
        this.secretHash = secretHash;
        this.sealedSecret = sealedSecret;
        this.createdAtMicros = createdAtMicros;
        this.updatedAtMicros = createdAtMicros;
    }

    void rename(final String newName)
    {
        this.name = newName;
        this.nameBytes = newName.getBytes(StandardCharsets.UTF_8);
    }

    /** How many accounts are connected to the bot itself (its group's members are the group's). */
    public int connectedCount()
    {
        return accountCount;
    }

    public Account connected(final int index)
    {
        return accounts[index].account;
    }

    int indexOf(final int accountIndex)
    {
        for (int i = 0; i < accountCount; i++)
        {
            if (accounts[i].account.index == accountIndex)
            {
                return i;
            }
        }
        return -1;
    }

    void connect(final Member member)
    {
        if (accountCount == accounts.length)
        {
            accounts = java.util.Arrays.copyOf(accounts, accounts.length * 2);
        }
        accounts[accountCount++] = member;
    }

    void disconnect(final int index)
    {
        System.arraycopy(accounts, index + 1, accounts, index, accountCount - index - 1);
        accounts[--accountCount] = null;
    }
}
