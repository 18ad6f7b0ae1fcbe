package io.ordergate.gateway.ea;

import java.math.BigDecimal;

/**
 * What {@link StrategyParser} understood of a description: at most one of each rule, the market, and the money
 * management. Null (or 0) for what the description did not say: the template then uses the chart's symbol and
 * timeframe and a fixed minimum lot. Immutable.
 */
record Strategy(
    String symbol, String timeframe, BigDecimal riskPercent, BigDecimal fixedLots, int stopPips, int targetPips,
    MovingAverages movingAverages, Rsi rsi, Breakout breakout)
{
    /** A crossover of a fast and a slow moving average; {@code exponential} for EMAs. */
    record MovingAverages(int fast, int slow, boolean exponential)
    {
    }

    /** RSI over {@code period}: buy below {@code buyBelow}, sell above {@code sellAbove}. */
    record Rsi(int period, int buyBelow, int sellAbove)
    {
    }

    /** A close beyond the highest high or lowest low of the last {@code bars} bars. */
    record Breakout(int bars)
    {
    }

    boolean hasEntryRule()
    {
        return movingAverages != null || rsi != null || breakout != null;
    }

    /** One line of what was understood, for the version's record and the source's header. */
    String summary()
    {
        final StringBuilder out = new StringBuilder();
        if (movingAverages != null)
        {
            out.append(movingAverages.exponential() ? "EMA" : "SMA").append(' ').append(movingAverages.fast()).append('/')
                .append(movingAverages.slow()).append(" crossover");
        }
        if (rsi != null)
        {
            out.append(out.length() > 0 ? " with " : "").append("RSI(").append(rsi.period()).append(") buy below ").append(rsi.buyBelow())
                .append(", sell above ").append(rsi.sellAbove());
        }
        if (breakout != null)
        {
            out.append(out.length() > 0 ? " with " : "").append(breakout.bars()).append("-bar breakout");
        }
        out.append(" on ").append(symbol == null ? "the chart's symbol" : symbol).append(' ')
            .append(timeframe == null ? "(the chart's timeframe)" : timeframe.replace("PERIOD_", ""));
        if (riskPercent != null)
        {
            out.append("; risk ").append(riskPercent.toPlainString()).append("% per trade");
        }
        else if (fixedLots != null)
        {
            out.append("; ").append(fixedLots.toPlainString()).append(" lots per trade");
        }
        if (stopPips > 0)
        {
            out.append("; stop loss ").append(stopPips).append(" pips");
        }
        if (targetPips > 0)
        {
            out.append("; take profit ").append(targetPips).append(" pips");
        }
        return out.toString();
    }
}
