package io.ordergate.engine.command;

/**
 * The outcome of a command, carried in the event as a value. Immutable: safe from any thread.
 *
 * <p>Codes are grouped by the stage that sets them: 0..99 success, 100..199 the gateway (decode, auth, limits),
 * 200..299 the pipeline (ring, journal), 300..399 the engine. Names of the 4xx/5xx codes are the wire codes of
 * API.md and must not change.
 */
public enum ResultCode
{
    OK(0, 200, "ok"),
    CREATED(1, 201, "created"),
    ACCEPTED(2, 202, "accepted"),
    DUPLICATE(3, 200, "repeat of an earlier client_order_id: the first order is returned"),

    INVALID_JSON(100, 400, "request body is not valid JSON"),
    VALIDATION_ERROR(101, 400, "invalid request"),
    INVALID_CREDENTIALS(102, 401, "invalid API credentials"),
    FORBIDDEN(103, 403, "the API key's scope does not allow this"),
    PAYLOAD_TOO_LARGE(104, 413, "request body is larger than the limit"),
    RATE_LIMIT_EXCEEDED(105, 429, "rate limit exceeded"),
    NOT_READY(106, 503, "the gateway is replaying its journal"),
    INVALID_JWT(107, 401, "the bearer token is invalid, expired or revoked"),
    ONBOARDING_INCOMPLETE(108, 428, "finish onboarding (a broker connection and the disclaimer) before placing orders"),

    OVERLOADED(200, 503, "the command ring is full; retry shortly"),
    JOURNAL_FAILED(201, 500, "the command could not be journaled"),

    NOT_FOUND(300, 404, "not found"),
    EXECUTOR_NOT_FOUND(301, 404, "executor not found"),
    CONFLICT(302, 409, "the request conflicts with the current state"),
    UNKNOWN_SYMBOL(310, 422, "unknown symbol"),
    NO_PRICE(311, 422, "no price for the symbol"),
    ACCOUNT_PAUSED(312, 422, "the account is paused"),
    RISK_MAX_ORDER_QUANTITY(313, 422, "order quantity is above the account's max_order_quantity"),
    RISK_MAX_NOTIONAL(314, 422, "order notional is above the account's max_notional"),
    RISK_MAX_POSITION(315, 422, "the resulting position would be above the account's max_position_quantity"),
    RISK_MAX_OPEN_ORDERS(316, 422, "the account has reached max_open_orders"),
    RISK_THROTTLE(317, 422, "the account has reached max_orders_per_second"),
    RISK_PRICE_COLLAR(318, 422, "the order price is outside the account's price collar"),
    RISK_DAILY_LOSS(319, 422, "the account has reached its max_daily_loss"),
    INSUFFICIENT_MARGIN(320, 422, "not enough free margin for the order"),
    EXECUTOR_OFFLINE(321, 422, "the account's executor is offline"),
    VENUE_REJECTED(322, 422, "the venue rejected the order"),
    GROUP_PAUSED(340, 422, "the group is paused: only orders that reduce a position are accepted"),
    BOT_PAUSED(341, 422, "the bot is paused: only orders that reduce a position are accepted"),
    BOT_STOPPED(342, 422, "the bot is stopped: its signals are not executed"),
    SIZE_BELOW_MINIMUM(343, 422, "the sized quantity, rounded down to the lot step, is below the instrument's min_quantity"),
    STOP_LOSS_REQUIRED(344, 422, "risk-based sizing needs a stop loss"),
    VENUE_UNAVAILABLE(330, 503, "the venue is unavailable"),
    EXPERT_STOPPED(345, 422, "the expert is not running: only orders that reduce a position are accepted"),
    EXECUTOR_BUSY(323, 422, "the account's executor has executors.max_pending_commands commands it has not answered yet; "
        + "retry when it catches up");

    private static final ResultCode[] VALUES = values();

    private final int code;
    private final int httpStatus;
    private final String defaultMessage;

    ResultCode(final int code, final int httpStatus, final String defaultMessage)
    {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int code()
    {
        return code;
    }

    public int httpStatus()
    {
        return httpStatus;
    }

    public String defaultMessage()
    {
        return defaultMessage;
    }

    public boolean isSuccess()
    {
        return code < 100;
    }

    /** An order rejection: the order is recorded with status rejected and this reject code. */
    public boolean isOrderRejection()
    {
        return httpStatus == 422;
    }

    public static ResultCode fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
