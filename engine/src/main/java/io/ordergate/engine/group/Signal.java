package io.ordergate.engine.group;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderTerms;

/**
 * The order part of a GROUP_ORDER or WEBHOOK_SIGNAL body ({@link GroupBodies#signal}), decoded in place: the
 * {@link OrderTerms} and how to size each target.
 * <b>Not thread safe</b>: engine thread.
 */
public final class Signal extends OrderTerms
{
    /** Percent of each target's equity to risk, at wire digits, when {@link GroupBodies#HAS_RISK_PERCENT} is set. */
    public long riskPercentage;
    /** The leverage margin-based sizing uses, at wire digits, when {@link GroupBodies#HAS_LEVERAGE} is set. */
    public long leverage;

    public Signal decode(final BodyReader reader)
    {
        decodeTerms(reader);
        riskPercentage = reader.readLong();
        leverage = has(GroupBodies.HAS_LEVERAGE) ? reader.readLong() : 0;
        return this;
    }
}
