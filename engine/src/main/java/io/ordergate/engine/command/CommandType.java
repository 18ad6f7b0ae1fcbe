package io.ordergate.engine.command;

/**
 * Every command that travels the ring. Immutable: safe from any thread.
 *
 * <p>{@link #journaled()} commands change state and are appended to the journal before the engine sees them;
 * the others are reads that travel the ring only so they see a consistent state.
 * Codes are written into the journal: never renumber one, only add.
 */
public enum CommandType
{
    NEW_ORDER(1, true),
    CANCEL_ORDER(2, true),
    CLOSE_POSITION(3, true),
    MODIFY_POSITION(4, true),
    QUOTES(5, true),
    CREATE_ACCOUNT(6, true),
    SET_RISK(7, true),
    PAUSE_ACCOUNT(8, true),
    RESUME_ACCOUNT(9, true),
    CLOSE_ALL(10, true),
    CREATE_KEY(11, true),
    /** Removes an account that holds no positions and no open orders (its id may be used again for a new account). */
    DELETE_ACCOUNT(12, true),
    /** A clean stop's mark in the log: the engine's state digest here (see ReplayCheckpoints). */
    CHECKPOINT(13, true),
    /** The live run's digest at the last CHECKPOINT, which a replay compares with its own. */
    CHECKPOINT_DIGEST(14, true),
    /**
     * Start-up, before any other command of that start: the start epoch the gateway counted (and fsync'd) for it, part
     * of every name that leaves the gateway from then on (see {@code docs/RELIABILITY.md}, "What a lost tail costs").
     */
    START_EPOCH(15, true),

    // MT5 executors (issue 3): 20..29 journaled, 80..89 reads.
    CREATE_EXECUTOR(20, true),
    EXECUTOR_HEARTBEAT(21, true),
    EXECUTOR_COMMAND(22, true),
    COMMAND_RESULT(23, true),
    TRADE_REPORT(24, true),
    RECOVER_ROUTED(25, true),
    // MT5 accounts by investor password (seed 004, issue 14): the sealed password, never the plain one.
    INVESTOR_CONNECT(26, true),
    INVESTOR_DISCONNECT(27, true),
    INVESTOR_SYNC(28, true),
    INVESTOR_TEST(29, true),

    // Groups, bots and webhook signals (issue 5): 30..49 journaled, 90..99 reads.
    CREATE_GROUP(30, true),
    UPDATE_GROUP(31, true),
    DELETE_GROUP(32, true),
    ADD_GROUP_MEMBERS(33, true),
    REMOVE_GROUP_MEMBER(34, true),
    PAUSE_GROUP(35, true),
    RESUME_GROUP(36, true),
    GROUP_ORDER(37, true),
    CREATE_BOT(38, true),
    SET_BOT_STATUS(39, true),
    BOT_ACCOUNT(40, true),
    TERMINATE_BOT(41, true),
    WEBHOOK_SIGNAL(42, true),

    // Exchange accounts (issue 11): 60..63 journaled.
    /** An exchange account's credentials, sealed under the master key (never plain), and its testnet flag. */
    EXCHANGE_CREDENTIALS(60, true),
    /** What an exchange said about an order (cumulative fills, rejected, unknown, ban). */
    EXCHANGE_REPORT(61, true),
    /** Start-up: exchange orders still routed become unknown, and every open one is asked for again. */
    EXCHANGE_RECOVER(62, true),
    /** An exchange account's balances per asset, as the exchange said. */
    EXCHANGE_BALANCES(63, true),
    // Exchange accounts, continued (issue 11): 120..125 journaled, 126..127 reads.
    /** A new exchange account and its sealed credentials in one step (native create with venue binance; seed 003's create). */
    EXCHANGE_CREATE_ACCOUNT(120, true),
    /** Futures settings an account asks its exchange for (leverage, margin mode, position mode). */
    EXCHANGE_FUTURES_SETTINGS(121, true),
    /** What the exchange said to futures settings: applied, or refused and why. */
    EXCHANGE_SETTINGS_REPORT(122, true),
    /**
     * Cluster form: sync-balance asked of a member that does not lead. Committed, the leader reads the balances and
     * journals them as a sync EXCHANGE_BALANCES, whose answer the asking member gives its client.
     */
    EXCHANGE_SYNC_REQUEST(123, true),
    /** A futures account's positions as the exchange holds them, read at every (re)connect: what the engine missed is applied once. */
    EXCHANGE_POSITIONS(124, true),
    /**
     * Seed 001's expert with an {@code exchange} block: its exchange account (as EXCHANGE_CREATE_ACCOUNT) and the expert on
     * it (as CREATE_EXPERT) in one step, both or neither, so no crash leaves the account without its expert.
     */
    EXCHANGE_CREATE_EXPERT(125, true),

    // Users, sessions, onboarding and key ownership (issue 10): 50..59 journaled. Reads are served from the
    // gateway's user directory (rebuilt from these commands' results), so none travel the ring.
    CREATE_USER(50, true),
    UPDATE_USER(51, true),
    CREATE_SESSION(52, true),
    REFRESH_SESSION(53, true),
    END_SESSION(54, true),
    ISSUE_PASSWORD_RESET(55, true),
    COMPLETE_PASSWORD_RESET(56, true),
    SET_ONBOARDING_PREFERENCES(57, true),
    CONNECT_BROKER(58, true),
    REVOKE_KEY(59, true),

    GET_ORDER(64, false),
    LIST_ORDERS(65, false),
    LIST_POSITIONS(66, false),
    GET_ACCOUNT(67, false),
    LIST_ACCOUNTS(68, false),
    LIST_TRADES(69, false),
    GET_QUOTE(70, false),
    STATE_DIGEST(71, false),
    LIST_CLOSED_POSITIONS(72, false),

    GET_EXECUTOR(80, false),
    LIST_EXECUTORS(81, false),
    EXECUTOR_SYNC(82, false),
    INVESTOR_STATUS(83, false),
    INVESTOR_OUTCOME(84, false),

    // Trading as the seeds' users do it (issue 13): 170..189 journaled, 190..199 reads.
    UPDATE_BOT(170, true),
    DELETE_BOT(171, true),
    CLOSE_SYMBOL(172, true),
    TERMINATE_ACCOUNT(173, true),
    /** Seed 001's experts: a strategy's home on one account ({@link ExpertBodies}). */
    CREATE_EXPERT(174, true),
    CONTROL_EXPERT(175, true),
    EXPERT_STRATEGY(176, true),
    EXPERT_ORDER(177, true),
    BOT_ACCOUNTS(190, false),
    GET_EXPERT(191, false),
    /** The accounts and remembered fills a performance route computes from, off the engine thread. */
    PERFORMANCE_DATA(192, false),

    GET_GROUP(90, false),
    LIST_GROUPS(91, false),
    GET_BOT(92, false),
    LIST_BOTS(93, false),
    GET_GROUP_ORDER(94, false),

    // Candles, streams, outbound webhooks and logs (issue 12): 100..109 journaled, 110..119 reads.
    WEBHOOK_CREATE(100, true),
    WEBHOOK_DELETE(101, true),
    WEBHOOK_OUTCOME(102, true),
    WEBHOOK_EVENT(103, true),
    GET_CANDLES(110, false),

    // Agents, EA projects and deployments (seed 002, issue 14): 130..149 journaled, 150..169 reads.
    PAIR_AGENT(130, true),
    AGENT_NEXT_JOB(131, true),
    AGENT_JOB_RESULT(132, true),
    CREATE_EA_PROJECT(133, true),
    EA_GENERATE(134, true),
    EA_COMPILE(135, true),
    CREATE_DEPLOYMENT(136, true),
    DEPLOYMENT_RUN(137, true),
    DEPLOYMENT_STOP(138, true),
    LIST_AGENTS(150, false),
    LIST_EA_PROJECTS(151, false),
    LIST_EA_VERSIONS(152, false),
    EA_ARTIFACTS(153, false),
    GET_ARTIFACT(154, false),
    GET_DEPLOYMENT(155, false),
    LIST_DEPLOYMENTS(156, false),
    DEPLOYMENT_LOGS(157, false);

    private static final CommandType[] BY_CODE = new CommandType[256];

    static
    {
        for (final CommandType type : values())
        {
            if (BY_CODE[type.code] != null)
            {
                // two features took the same code: the journal would replay one as the other
                throw new IllegalStateException("command code " + type.code + " is both " + BY_CODE[type.code] + " and " + type);
            }
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final boolean journaled;

    CommandType(final int code, final boolean journaled)
    {
        this.code = code;
        this.journaled = journaled;
    }

    public int code()
    {
        return code;
    }

    public boolean journaled()
    {
        return journaled;
    }

    /** @return the type for a code read from the journal, or null if unknown. */
    public static CommandType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
