package io.ordergate.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.NoOpLock;
import org.agrona.concurrent.status.AtomicCounter;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.ElectionState;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

import io.ordergate.config.ClusterConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.pipeline.CommandLog;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.journal.DirectoryLock;

/**
 * One member of the cluster, in this process: Aeron's media driver, the archive that records the log, the
 * consensus module (Raft: elections, replication, commit), and the service container running the engine
 * ({@link EngineService}). {@link #launch} returns once the container started its service thread; loading the latest
 * snapshot and replaying the log after it happen on that thread afterwards (watch {@link #appliedMessages()} and
 * {@link #loadedSnapshot()}); {@link #commandLog()} is the gateway's way in.
 *
 * <pre>
 *   data_dir/cluster/node      the consensus module's and the service's files (recording log, mark files, node state)
 *   data_dir/cluster/archive   the recorded log and the snapshots
 *   /dev/shm/ordergate-...     Aeron's shared memory (made on start, removed on close)
 * </pre>
 */
public final class ClusterNode implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    /** How long Aeron's archive and consensus module take a mark file's last timestamp as a live owner (Aeron's 10 s). */
    static final long MARK_FILE_LIVENESS_MILLIS = 10_000;
    /** Held while this member runs ({@link DirectoryLock}): the kernel releases it however the process ends. */
    static final String LOCK_FILE = "member.lock";
    private static final long MARK_FILE_WAIT_MARGIN_MILLIS = 5_000;
    private static final long MARK_FILE_RETRY_MILLIS = 250;

    private final ClusterConfig config;
    private final String aeronDir;
    /** Held from a successful launch to close; null on a refused attempt (the launch keeps it for the next). */
    private DirectoryLock lock;
    private final EngineService service;
    private ClusteredMediaDriver driver;
    private ClusteredServiceContainer container;
    private ClusterCommandLog commandLog;
    private Thread snapshotTimer;

    private ClusterNode(final ClusterConfig config, final String aeronDir, final Engine engine, final ResultHandler replies,
        final EngineService.Leadership leadership)
    {
        this.config = config;
        this.aeronDir = aeronDir;
        this.service = new EngineService(engine, replies, leadership, config.commitTimeoutMillis(), this::leadsAFinishedElection);
    }

    /**
     * Starts this member. The engine is applied to on the service's thread from now on (first the snapshot and the
     * local log: a restart's replay), and {@code replies} hears every command, leading only on the leader.
     *
     * <p>A member started again right after a {@code kill -9} finds the killed process's mark files still looking
     * alive to Aeron, whose archive and consensus module then refuse to start ("active mark file detected") until their
     * timestamps are {@link #MARK_FILE_LIVENESS_MILLIS} old. An operator's supervisor restarts at once, so the member
     * waits that out itself: the directory's lock ({@link DirectoryLock} on {@value #LOCK_FILE}) says no live process owns those files.
     *
     * @throws IllegalStateException when another running process is this member (its directory is locked)
     */
    public static ClusterNode launch(final ClusterConfig config, final Path dataDir, final Engine engine, final ResultHandler replies,
        final EngineService.Leadership leadership)
    {
        final Path clusterDir = config.dir(dataDir);
        final DirectoryLock lock = DirectoryLock.acquire(clusterDir, LOCK_FILE, "cluster member directory");
        final long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MARK_FILE_LIVENESS_MILLIS + MARK_FILE_WAIT_MARGIN_MILLIS);
        boolean waitLogged = false;
        boolean launched = false;
        try
        {
            while (true)
            {
                // a fresh service each attempt: a refused start never reached the service, so the engine is untouched
                final ClusterNode node = new ClusterNode(config, aeronDir(config, dataDir), engine, replies, leadership);
                try
                {
                    node.start(clusterDir);
                    node.lock = lock;
                    launched = true;
                    return node;
                }
                catch (final RuntimeException ex)
                {
                    node.close();
                    if (!isLiveLookingMarkFile(ex) || System.nanoTime() - waitUntil > 0)
                    {
                        throw ex;
                    }
                    if (!waitLogged)
                    {
                        waitLogged = true;
                        LOG.warning(() -> "cluster member " + config.memberId() + ": " + rootMessage(ex) + " - the files of the process that "
                            + "ran here before (killed: this process holds " + LOCK_FILE + ") look alive to Aeron for up to "
                            + MARK_FILE_LIVENESS_MILLIS / 1_000 + " s after it stopped; starting when they are stale");
                    }
                    pauseBeforeRetry();
                }
            }
        }
        finally
        {
            if (!launched)
            {
                lock.close();  // refused, failed or interrupted: the directory is free again
            }
        }
    }

    /** Whether a start failed because a mark file of Aeron's looked alive (Aeron 1.51: "active mark file detected: PATH"). */
    static boolean isLiveLookingMarkFile(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            final String message = cause.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("active mark file detected"))
            {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(final Throwable failure)
    {
        Throwable cause = failure;
        while (cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static void pauseBeforeRetry()
    {
        try
        {
            Thread.sleep(MARK_FILE_RETRY_MILLIS);  // a file's timestamp ageing: nothing to be told of, so look again
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a killed member's mark files to go stale", ex);
        }
    }

    private void start(final Path clusterDir)
    {
        final int id = config.memberId();
        final String host = ClusterClients.host(config.members().get(id));
        final ErrorHandler errors = error -> LOG.log(Level.WARNING, "cluster member " + id + ": " + error, error);
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .termBufferSparseFile(true)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(errors);
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(clusterDir.resolve("archive").toFile())
            .controlChannel("aeron:udp?endpoint=" + endpoint(config, id, ClusterConfig.ARCHIVE_PORT))
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .errorHandler(errors);
        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveContext.localControlChannel())
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(archiveContext.localControlChannel())
            .aeronDirectoryName(aeronDir);
        final long heartbeatTimeout = TimeUnit.MILLISECONDS.toNanos(config.leaderHeartbeatTimeoutMillis());
        final File nodeDir = clusterDir.resolve("node").toFile();
        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(id)
            .clusterMembers(members(config))
            .clusterDir(nodeDir)
            .ingressChannel("aeron:udp")
            .logChannel("aeron:udp?term-length=16m")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveContext(archiveClient.clone())
            .leaderHeartbeatTimeoutNs(heartbeatTimeout)
            .leaderHeartbeatIntervalNs(Math.min(TimeUnit.MILLISECONDS.toNanos(200), heartbeatTimeout / 5))
            .sessionTimeoutNs(Math.max(TimeUnit.SECONDS.toNanos(10), 4 * heartbeatTimeout))
            .errorHandler(errors);
        driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
        container = ClusteredServiceContainer.launch(new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(archiveClient.clone())
            .clusterDir(nodeDir)
            .clusteredService(service)
            .errorHandler(errors));
        if (config.snapshotIntervalSeconds() > 0)
        {
            snapshotTimer = new Thread(this::takeSnapshotsWhileLeading, "og-cluster-snapshots");
            snapshotTimer.setDaemon(true);
            snapshotTimer.start();
        }
        LOG.info(() -> "cluster member " + id + " of " + config.members().size() + " started (" + clusterDir + ", aeron " + aeronDir + ")");
    }

    /** The way into the cluster for this node's pipeline ({@code Pipeline.start(config, node.commandLog(), replies)}). */
    public CommandLog commandLog()
    {
        if (commandLog == null)
        {
            commandLog = new ClusterCommandLog(config, aeronDir, service);
        }
        return commandLog;
    }

    /** Any thread: whether this member acts as the leader (venue side effects, {@code /health}'s role): {@link EngineService#isLeader}. */
    public boolean isLeader()
    {
        return service.isLeader();
    }

    /**
     * Any thread: whether this member's consensus module leads a finished election; unlike {@link #takesCommands}, also
     * while it takes a snapshot (no change of leader). Reads two counters: no allocation, fit for each duty cycle.
     */
    boolean leadsAFinishedElection()
    {
        final ClusteredMediaDriver running = driver;
        if (running == null)
        {
            return false;
        }
        final ConsensusModule.Context context = running.consensusModule().context();
        return Cluster.Role.get(context.clusterNodeRoleCounter()) == Cluster.Role.LEADER
            && ElectionState.get(context.electionStateCounter()) == ElectionState.CLOSED;
    }

    /**
     * Any thread: whether what is offered to this member's consensus module is appended to the log: it leads a finished
     * election and is ACTIVE. (A member Aeron calls the leader may wait in its election for good: {@link EngineService#isLeader}.)
     */
    public boolean takesCommands()
    {
        final ClusteredMediaDriver running = driver;
        return leadsAFinishedElection()
            && ConsensusModule.State.get(running.consensusModule().context().moduleStateCounter()) == ConsensusModule.State.ACTIVE;
    }

    /** Any thread (tests): whether this member's ingress offered its command at ring {@code sequence} to the cluster. */
    boolean wasOffered(final long sequence)
    {
        final ClusterCommandLog log = commandLog;
        return log != null && log.wasOffered(sequence);
    }

    /** Any thread (tests): whether this member's gateway has a client session with a leader. */
    boolean hasSession()
    {
        final ClusterCommandLog log = commandLog;
        return log != null && log.hasSession();
    }

    public int memberId()
    {
        return config.memberId();
    }

    /** Any thread: whether this member started from a snapshot (and replayed only the log after it). */
    public boolean loadedSnapshot()
    {
        return service.loadedSnapshot();
    }

    /** Any thread: log messages this member's engine applied since it started. */
    public long appliedMessages()
    {
        return service.appliedMessages();
    }

    /**
     * Asks the cluster to snapshot now (every member writes its engine state at the same log position). Only the
     * leader's request counts.
     *
     * @return false when this member does not lead, or a snapshot is under way
     */
    public boolean requestSnapshot()
    {
        if (!service.isLeader() || driver == null)
        {
            return false;
        }
        final AtomicCounter toggle = driver.consensusModule().context().controlToggleCounter();
        return ClusterControl.ToggleState.SNAPSHOT.toggle(toggle);
    }

    /** Any thread: snapshots this member has taken since it started. */
    public long snapshotCount()
    {
        return driver == null ? 0 : driver.consensusModule().context().snapshotCounter().get();
    }

    private void takeSnapshotsWhileLeading()
    {
        final long intervalMillis = TimeUnit.SECONDS.toMillis(config.snapshotIntervalSeconds());
        try
        {
            while (!Thread.currentThread().isInterrupted())
            {
                Thread.sleep(intervalMillis);  // a timer, not a synchronisation: the cluster decides when it is taken
                if (requestSnapshot())
                {
                    LOG.info("periodic cluster snapshot requested");
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code host:port} of member {@code id}'s endpoint {@code kind}. */
    static String endpoint(final ClusterConfig config, final int id, final int kind)
    {
        return ClusterClients.host(config.members().get(id)) + ":" + config.port(id, kind);
    }

    /** Aeron's member list: {@code id,ingress,consensus,log,catchup,archive|...}. */
    static String members(final ClusterConfig config)
    {
        final StringBuilder members = new StringBuilder();
        for (int id = 0; id < config.members().size(); id++)
        {
            if (id > 0)
            {
                members.append('|');
            }
            members.append(id)
                .append(',').append(endpoint(config, id, ClusterConfig.INGRESS_PORT))
                .append(',').append(endpoint(config, id, ClusterConfig.CONSENSUS_PORT))
                .append(',').append(endpoint(config, id, ClusterConfig.LOG_PORT))
                .append(',').append(endpoint(config, id, ClusterConfig.CATCHUP_PORT))
                .append(',').append(endpoint(config, id, ClusterConfig.ARCHIVE_PORT));
        }
        return members.toString();
    }

    /**
     * Aeron's shared memory of this member: {@code cluster.aeron_dir}, or one under /dev/shm named by the member and
     * its data directory (removed on an orderly close; a killed member's is removed by its next start).
     */
    public static String aeronDir(final ClusterConfig config, final Path dataDir)
    {
        final Path clusterDir = config.dir(dataDir);
        if (config.aeronDir() != null)
        {
            return config.aeronDir();
        }
        final Path shm = Path.of("/dev/shm");
        final Path base = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("ordergate-" + config.memberId() + "-" + Integer.toHexString(clusterDir.toString().hashCode())).toString();
    }

    /** Stops the ingress, the service, then the consensus module, archive and media driver. Idempotent. */
    @Override
    public void close()
    {
        if (snapshotTimer != null)
        {
            snapshotTimer.interrupt();
        }
        CloseHelper.closeAll(commandLog, container, driver, lock);
        commandLog = null;
        container = null;
        driver = null;
        lock = null;
    }
}
