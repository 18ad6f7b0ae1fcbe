package io.ordergate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The replicated form (docs/CLUSTER.md): this node's place in an Aeron Cluster of {@link #members()}, whose log
 * replaces the Chronicle journal as the engine's input. Disabled by default: the single-node form stays the embedded
 * default. Immutable: safe from any thread.
 *
 * <p>Member {@code i} listens on {@code port_base + 10 * i + k}: k = 0 client ingress, 1 consensus, 2 log,
 * 3 catch-up, 4 archive control (see {@link #port(int, int)}), so three members on one host need no other setting.
 */
public final class ClusterConfig
{
    public static final int PORT_BASE_DEFAULT = 20_000;
    public static final int PORTS_PER_MEMBER = 10;
    public static final int INGRESS_PORT = 0;
    public static final int CONSENSUS_PORT = 1;
    public static final int LOG_PORT = 2;
    public static final int CATCHUP_PORT = 3;
    public static final int ARCHIVE_PORT = 4;
    public static final String DIR_DEFAULT = "cluster";
    public static final int LEADER_HEARTBEAT_TIMEOUT_MILLIS_DEFAULT = 3_000;
    public static final int SNAPSHOT_INTERVAL_SECONDS_DEFAULT = 600;
    public static final int OFFER_TIMEOUT_MILLIS_DEFAULT = 10_000;
    public static final int COMMIT_TIMEOUT_MILLIS_DEFAULT = 10_000;

    /** A host name, an IPv4 address or an IPv6 address (two colons at least), without a port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private static final ClusterConfig DISABLED = new ClusterConfig(false, 0, List.of("127.0.0.1"), PORT_BASE_DEFAULT,
        DIR_DEFAULT, null, LEADER_HEARTBEAT_TIMEOUT_MILLIS_DEFAULT, SNAPSHOT_INTERVAL_SECONDS_DEFAULT, OFFER_TIMEOUT_MILLIS_DEFAULT,
        COMMIT_TIMEOUT_MILLIS_DEFAULT);

    private final boolean enabled;
    private final int memberId;
    private final List<String> members;
    private final int portBase;
    private final String dir;
    private final String aeronDir;
    private final int leaderHeartbeatTimeoutMillis;
    private final int snapshotIntervalSeconds;
    private final int offerTimeoutMillis;
    private final int commitTimeoutMillis;

    ClusterConfig(final boolean enabled, final int memberId, final List<String> members, final int portBase, final String dir,
        final String aeronDir, final int leaderHeartbeatTimeoutMillis, final int snapshotIntervalSeconds, final int offerTimeoutMillis,
        final int commitTimeoutMillis)
    {
        this.enabled = enabled;
        this.memberId = memberId;
        this.members = List.copyOf(members);
        this.portBase = portBase;
        this.dir = dir;
        this.aeronDir = aeronDir;
        this.leaderHeartbeatTimeoutMillis = leaderHeartbeatTimeoutMillis;
        this.snapshotIntervalSeconds = snapshotIntervalSeconds;
        this.offerTimeoutMillis = offerTimeoutMillis;
        this.commitTimeoutMillis = commitTimeoutMillis;
    }

    /** The single-node form: no cluster section, or {@code enabled: false}. */
    public static ClusterConfig disabled()
    {
        return DISABLED;
    }

    static ClusterConfig read(final YamlSection s)
    {
        final boolean enabled = s.bool("enabled", false);
        final List<String> members = s.has("members") ? s.strings("members") : DISABLED.members;
        for (int i = 0; i < members.size(); i++)
        {
            if (!HOST.matcher(members.get(i)).matches())
            {
                throw new ConfigException(s.pathOf("members") + "[" + i + "]", "must be a host name or an address without a port, was \"" +
                    members.get(i) + "\"");
            }
        }
        if (members.isEmpty() || members.size() > 9)
        {
            throw new ConfigException(s.pathOf("members"), "must list 1 to 9 hosts (3 is the usual), was " + members.size());
        }
        final int memberId = s.intValue("member_id", 0, 0, 8);
        if (memberId >= members.size())
        {
            throw new ConfigException(s.pathOf("member_id"), "must be the index of this node in members (0 to " + (members.size() - 1) +
                "), was " + memberId);
        }
        final int portBase = s.intValue("port_base", PORT_BASE_DEFAULT, 1024, 65_535 - PORTS_PER_MEMBER * 9);
        final String dir = s.string("dir", DIR_DEFAULT);
        final String aeronDir = s.string("aeron_dir", null);
        final int heartbeat = s.intValue("leader_heartbeat_timeout_millis", LEADER_HEARTBEAT_TIMEOUT_MILLIS_DEFAULT, 200, 60_000);
        final int snapshot = s.intValue("snapshot_interval_seconds", SNAPSHOT_INTERVAL_SECONDS_DEFAULT, 0, 86_400 * 7);
        final int offer = s.intValue("offer_timeout_millis", OFFER_TIMEOUT_MILLIS_DEFAULT, 100, 600_000);
        final int commit = s.intValue("commit_timeout_millis", COMMIT_TIMEOUT_MILLIS_DEFAULT, 100, 600_000);
        s.finish();
        return new ClusterConfig(enabled, memberId, members, portBase, dir, aeronDir, heartbeat, snapshot, offer, commit);
    }

    /** Whether this gateway is a member of a cluster (the engine's input is the cluster's log, not the journal). */
    public boolean enabled()
    {
        return enabled;
    }

    /** This node's index in {@link #members()}. */
    public int memberId()
    {
        return memberId;
    }

    /** Every member's host, by member id. */
    public List<String> members()
    {
        return members;
    }

    public int portBase()
    {
        return portBase;
    }

    /** The port of member {@code member}'s endpoint {@code kind} ({@link #INGRESS_PORT} ... {@link #ARCHIVE_PORT}). */
    public int port(final int member, final int kind)
    {
        return portBase + PORTS_PER_MEMBER * member + kind;
    }

    /** The cluster's files (consensus state, the archived log, snapshots), resolved against the data directory. */
    public Path dir(final Path dataDir)
    {
        return dataDir.resolve(dir).toAbsolutePath().normalize();
    }

    /** Aeron's shared-memory directory, or null for one derived from the data directory under /dev/shm. */
    public String aeronDir()
    {
        return aeronDir;
    }

    /** How long followers wait without hearing from the leader before electing another: the bulk of a fail-over. */
    public int leaderHeartbeatTimeoutMillis()
    {
        return leaderHeartbeatTimeoutMillis;
    }

    /** The leader takes a snapshot this often (0: only when an operator asks), bounding a restart's replay. */
    public int snapshotIntervalSeconds()
    {
        return snapshotIntervalSeconds;
    }

    /** How long a command waits for a leader to take it before its client hears 503. */
    public int offerTimeoutMillis()
    {
        return offerTimeoutMillis;
    }

    /**
     * How long a command offered to the leader waits to be committed before its client hears 503 with an unknown
     * outcome: it may still be committed (and applied, once) when a majority is back.
     */
    public int commitTimeoutMillis()
    {
        return commitTimeoutMillis;
    }

    /** A copy as member {@code id} of the same members, enabled ({@code --cluster-member}: one file for every host). */
    public ClusterConfig asMember(final int id)
    {
        return new ClusterConfig(true, id, members, portBase, dir, aeronDir, leaderHeartbeatTimeoutMillis, snapshotIntervalSeconds,
            offerTimeoutMillis, commitTimeoutMillis);
    }

    /** A copy as member {@code id} of {@code hosts} from {@code base}, enabled (the cluster demo's and the tests' nodes). */
    public ClusterConfig asMember(final int id, final List<String> hosts, final int base, final int heartbeatTimeoutMillis)
    {
        return new ClusterConfig(true, id, hosts, base, dir, aeronDir, heartbeatTimeoutMillis, snapshotIntervalSeconds, offerTimeoutMillis,
            commitTimeoutMillis);
    }

    @Override
    public String toString()
    {
        return "ClusterConfig{enabled=" + enabled + ", memberId=" + memberId + ", members=" + members + ", portBase=" + portBase +
            ", dir=" + dir + ", leaderHeartbeatTimeoutMillis=" + leaderHeartbeatTimeoutMillis + ", snapshotIntervalSeconds=" +
            snapshotIntervalSeconds + ", offerTimeoutMillis=" + offerTimeoutMillis + ", commitTimeoutMillis=" + commitTimeoutMillis + '}';
    }
}
