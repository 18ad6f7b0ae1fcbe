package io.ordergate.gateway.ea;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common vocabulary of a strategy description: a moving-average crossover (periods, simple or exponential),
 * RSI levels, a breakout of N bars; the symbol, the timeframe, the risk percent (or fixed lots), stop loss and take
 * profit in pips. Each recognised phrase is blanked out of the text; words left that are neither filler nor numbers
 * of a recognised phrase are what was not understood. Deterministic; stateless apart from its inputs.
 */
final class StrategyParser
{
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern MA_PERIODS_FIRST = Pattern.compile(
        "(\\d+)\\s*(?:and|&|/|,|-)\\s*(\\d+)[\\s-]*(?:period[s]?\\s+|bar[s]?\\s+)?(?:(simple|exponential|sma|ema)\\s+)?"
        + "(?:moving[\\s-]+averages?|smas?|emas?|mas?)\\b(?:\\s+cross(?:over|ing|es)?)?");
    private static final Pattern MA_CROSS_FIRST = Pattern.compile(
        "(?:(simple|exponential|sma|ema)\\s+)?(?:moving[\\s-]+averages?|mas?|smas?|emas?)\\s+cross(?:over|ing)?"
        + "(?:\\s*(?:of|with|using|between)?\\s*(?:the\\s+)?(\\d+)\\s*(?:and|&|/|,|-)\\s*(\\d+)(?:[\\s-]*periods?)?)?");
    private static final Pattern MA_FAST_SLOW = Pattern.compile(
        "fast\\s+(?:(ema|sma)\\s+|moving\\s+average\\s+|ma\\s+)?(?:of\\s+)?(\\d+)[^\\d]{0,30}?slow\\s+(?:(?:ema|sma)\\s+|moving\\s+average\\s+|ma\\s+)?(?:of\\s+)?(\\d+)");
    private static final Pattern RSI = Pattern.compile("(?:rsi|relative\\s+strength\\s+index)(?:\\s*\\(\\s*(\\d+)\\s*\\)|\\s+(?:period\\s+)?(\\d+)(?=\\s*(?:,|\\.|\\s|$))(?!\\s*%))?");
    private static final Pattern RSI_BELOW = Pattern.compile("(?:oversold|(?:crosses\\s+|goes\\s+|drops\\s+|falls\\s+)?(?:below|under|<))\\s*(?:level\\s*|of\\s*|at\\s*)?(\\d+)");
    private static final Pattern RSI_ABOVE = Pattern.compile("(?:overbought|(?:crosses\\s+|goes\\s+|rises\\s+)?(?:above|over|>))\\s*(?:level\\s*|of\\s*|at\\s*)?(\\d+)");
    private static final Pattern RSI_LEVELS = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s+(?:rsi\\s+)?levels?");
    private static final Pattern BREAKOUT = Pattern.compile(
        "(?:(\\d+)[\\s-]*(?:bar|candle|period|day)s?\\s+(?:high(?:s)?(?:\\s*(?:/|and)\\s*low(?:s)?)?\\s+|range\\s+|channel\\s+)?break[\\s-]?outs?)"
        + "|(?:break[\\s-]?outs?(?:\\s+(?:of|above|below|from))?(?:\\s+the)?(?:\\s+(?:last|previous|prior))?(?:\\s+(\\d+))?[\\s-]*(?:bars?|candles?|periods?|days?)?"
        + "(?:\\s+(?:high(?:s)?(?:\\s*(?:/|and)\\s*low(?:s)?)?|range|channel))?)"
        + "|(?:donchian(?:\\s+channel)?(?:\\s+(?:of\\s+)?(\\d+))?)");
    private static final Pattern TIMEFRAME = Pattern.compile("\\b(m1|m5|m15|m30|h1|h4|d1|w1|mn1)\\b");
    private static final Pattern MINUTES = Pattern.compile("\\b(1|5|15|30)[\\s-]*(?:minutes?|mins?|m)\\b(?:\\s+(?:time\\s*frame|timeframe|chart|candles?|bars?))?");
    private static final Pattern HOURS = Pattern.compile("\\b(1|4)[\\s-]*(?:hours?|hrs?|h)\\b(?:\\s+(?:time\\s*frame|timeframe|chart|candles?|bars?))?");
    private static final Pattern NAMED_TIMEFRAME = Pattern.compile("\\b(hourly|daily|weekly|monthly)\\b");
    private static final Pattern RISK = Pattern.compile("risk(?:ing|s)?\\s+(?:of\\s+)?" + NUMBER + "\\s*(?:%|percent)"
        + "|" + NUMBER + "\\s*(?:%|percent)\\s+(?:of\\s+(?:the\\s+)?(?:account|balance|equity)\\s+)?risk");
    private static final Pattern LOTS = Pattern.compile(NUMBER + "\\s*(?:standard\\s+)?lots?\\b");
    private static final Pattern STOP = Pattern.compile("(\\d+)[\\s-]*pips?\\s+(?:stop(?:[\\s-]*loss)?|sl)\\b"
        + "|(?:stop(?:[\\s-]*loss)?|sl)\\s*(?:of|at|=|:|is)?\\s*(\\d+)\\s*(?:pips?)?");
    private static final Pattern TARGET = Pattern.compile("(\\d+)[\\s-]*pips?\\s+(?:take[\\s-]*profit|profit\\s+target|target|tp)\\b"
        + "|(?:take[\\s-]*profit|profit\\s+target|target|tp)\\s*(?:of|at|=|:|is)?\\s*(\\d+)\\s*(?:pips?)?");
    private static final Pattern WORD_OR_MARK = Pattern.compile("[a-z0-9]+(?:['.%][a-z0-9%]+)*%?|[^\\sa-z0-9]");
    private static final Set<String> CURRENCIES = Set.of("usd", "eur", "gbp", "jpy", "chf", "aud", "nzd", "cad", "xau", "xag", "btc", "eth",
        "sek", "nok", "dkk", "pln", "huf", "czk", "try", "zar", "mxn", "sgd", "hkd", "cnh");
    private static final Set<String> FILLER = Set.of(
        "a", "an", "the", "and", "or", "with", "without", "using", "use", "uses", "that", "which", "to", "of", "on", "in", "at", "for",
        "per", "by", "as", "is", "are", "be", "it", "its", "this", "my", "me", "i", "we", "please", "create", "make", "build", "write",
        "generate", "code", "expert", "advisor", "advisors", "ea", "eas", "bot", "robot", "strategy", "system", "trade", "trades",
        "trading", "scalping", "scalper", "scalp", "swing", "intraday", "simple", "basic", "timeframe", "time", "frame", "chart",
        "charts", "when", "then", "if", "buy", "sell", "buys", "sells", "long", "short", "enter", "entry", "entries", "exit", "exits",
        "open", "opens", "close", "closes", "closed", "position", "positions", "signal", "signals", "only", "one", "each", "every",
        "candle", "candles", "bar", "bars", "new", "cross", "crosses", "crossing", "crossover", "above", "below", "period", "periods",
        "pip", "pips", "stop", "loss", "take", "profit", "target", "risk", "percent", "account", "balance", "equity", "lot", "lots",
        "size", "sizing", "money", "management", "indicator", "indicators", "based", "following", "follow", "trend", "should", "will",
        "would", "can", "must", "also", "both", "from", "into", "up", "down", "level", "levels", "conditions", "condition", "rule",
        "rules", "filter", "confirmed", "confirmation", "moving", "average", "averages", "rsi", "breakout", "breakouts", "high", "low",
        "highs", "lows", "range", "fast", "slow", "pair", "currency", "market", "markets", "place", "places", "order", "orders", "all",
        "any", "there", "no", "not", "once", "same", "opposite", "direction", "side", "than", "less", "more",
        "goes", "drops", "rises", "falls", "under", "over", "oversold", "overbought", "reverse", "current");

    private final List<String> symbols;

    StrategyParser(final List<String> symbols)
    {
        this.symbols = symbols;
    }

    /** @throws EaGenerator.NotUnderstood listing the words or phrases not understood, or naming the missing entry rule */
    Strategy parse(final String description) throws EaGenerator.NotUnderstood
    {
        final StringBuilder text = new StringBuilder(description.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        Strategy.MovingAverages ma = movingAverages(text);
        final boolean rsiNamed = find(RSI, text) != null;
        Strategy.Rsi rsi = null;
        if (rsiNamed)
        {
            rsi = rsi(text);
        }
        final Strategy.Breakout breakout = breakout(text);
        final String symbol = symbol(text, description);
        final String timeframe = timeframe(text);
        final BigDecimal risk = decimal(take(RISK, text), 1, 2);
        final BigDecimal lots = risk == null ? decimal(take(LOTS, text), 1, 1) : null;
        final int stop = whole(take(STOP, text), 1, 2);
        final int target = whole(take(TARGET, text), 1, 2);
        final List<String> unknown = leftovers(text);
        if (!unknown.isEmpty())
        {
            throw new EaGenerator.NotUnderstood("could not understand: " + String.join(", ", unknown.stream().map(p -> "\"" + p + "\"").toList())
                + " (understood: moving-average crossover, RSI levels, breakout; symbol, timeframe, risk %, stop loss and take profit in pips)",
                unknown);
        }
        final Strategy strategy = new Strategy(symbol, timeframe, risk, lots, stop, target, ma, rsi, breakout);
        if (!strategy.hasEntryRule())
        {
            throw new EaGenerator.NotUnderstood("could not understand an entry rule: describe a moving-average crossover, RSI levels or a "
                + "breakout", List.of("(no entry rule)"));
        }
        return strategy;
    }

    private Strategy.MovingAverages movingAverages(final StringBuilder text)
    {
        Matcher m = take(MA_PERIODS_FIRST, text);
        if (m != null)
        {
            return ma(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(0));
        }
        m = take(MA_FAST_SLOW, text);
        if (m != null)
        {
            return ma(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(1), m.group(0));
        }
        m = take(MA_CROSS_FIRST, text);
        if (m != null)
        {
            final int a = m.group(2) == null ? 10 : Integer.parseInt(m.group(2));
            final int b = m.group(3) == null ? 20 : Integer.parseInt(m.group(3));
            return ma(a, b, m.group(1), m.group(0));
        }
        return null;
    }

    private static Strategy.MovingAverages ma(final int a, final int b, final String kind, final String whole)
    {
        final boolean exponential = kind != null && (kind.startsWith("e")) || whole.contains("ema") || whole.contains("exponential");
        return new Strategy.MovingAverages(Math.max(1, Math.min(a, b)), Math.max(2, Math.max(a, b)), exponential);
    }

    private static Strategy.Rsi rsi(final StringBuilder text)
    {
        final Matcher named = take(RSI, text);
        int period = 14;
        if (named != null && (named.group(1) != null || named.group(2) != null))
        {
            period = Integer.parseInt(named.group(1) != null ? named.group(1) : named.group(2));
        }
        int buy = 30;
        int sell = 70;
        final Matcher levels = take(RSI_LEVELS, text);
        if (levels != null)
        {
            buy = Math.min(Integer.parseInt(levels.group(1)), Integer.parseInt(levels.group(2)));
            sell = Math.max(Integer.parseInt(levels.group(1)), Integer.parseInt(levels.group(2)));
        }
        final Matcher below = take(RSI_BELOW, text);
        if (below != null)
        {
            buy = Integer.parseInt(below.group(1));
        }
        final Matcher above = take(RSI_ABOVE, text);
        if (above != null)
        {
            sell = Integer.parseInt(above.group(1));
        }
        return new Strategy.Rsi(Math.max(2, period), Math.min(buy, 99), Math.min(Math.max(sell, buy + 1), 100));
    }

    private static Strategy.Breakout breakout(final StringBuilder text)
    {
        final Matcher m = take(BREAKOUT, text);
        if (m == null)
        {
            return null;
        }
        final String bars = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return new Strategy.Breakout(bars == null ? 20 : Math.max(2, Integer.parseInt(bars)));
    }

    /** A configured symbol, or a six-letter pair of two known currencies, as written (upper-cased). */
    private String symbol(final StringBuilder text, final String original)
    {
        for (final String symbol : symbols)
        {
            final Matcher m = Pattern.compile("\\b" + Pattern.quote(symbol.toLowerCase(Locale.ROOT)) + "\\b").matcher(text);
            if (m.find())
            {
                blank(text, m.start(), m.end());
                return symbol;
            }
        }
        final Matcher pair = Pattern.compile("\\b([a-z]{3})/?([a-z]{3})\\b").matcher(text);
        while (pair.find())
        {
            if (CURRENCIES.contains(pair.group(1)) && CURRENCIES.contains(pair.group(2)))
            {
                blank(text, pair.start(), pair.end());
                return (pair.group(1) + pair.group(2)).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String timeframe(final StringBuilder text)
    {
        Matcher m = take(TIMEFRAME, text);
        if (m != null)
        {
            return "PERIOD_" + m.group(1).toUpperCase(Locale.ROOT);
        }
        m = take(MINUTES, text);
        if (m != null)
        {
            return "PERIOD_M" + m.group(1);
        }
        m = take(HOURS, text);
        if (m != null)
        {
            return "PERIOD_H" + m.group(1);
        }
        m = take(NAMED_TIMEFRAME, text);
        if (m != null)
        {
            switch (m.group(1))
            {
                case "hourly": return "PERIOD_H1";
                case "daily": return "PERIOD_D1";
                case "weekly": return "PERIOD_W1";
                default: return "PERIOD_MN1";
            }
        }
        return null;
    }

    /** Words left that are not filler, grouped into phrases of neighbouring words (punctuation and filler split them). */
    private static List<String> leftovers(final StringBuilder text)
    {
        final List<String> phrases = new ArrayList<>();
        final StringBuilder phrase = new StringBuilder();
        final Matcher token = WORD_OR_MARK.matcher(text);
        while (token.find())
        {
            final String word = token.group();
            if (!Character.isLetterOrDigit(word.charAt(0)) || FILLER.contains(word))
            {
                flush(phrase, phrases);
            }
            else
            {
                phrase.append(phrase.length() > 0 ? " " : "").append(word);
            }
        }
        flush(phrase, phrases);
        return phrases;
    }

    private static void flush(final StringBuilder phrase, final List<String> phrases)
    {
        if (phrase.length() > 0)
        {
            if (!phrases.contains(phrase.toString()))
            {
                phrases.add(phrase.toString());
            }
            phrase.setLength(0);
        }
    }

    private static Matcher find(final Pattern pattern, final StringBuilder text)
    {
        final Matcher m = pattern.matcher(text);
        return m.find() ? m : null;
    }

    /** Finds the pattern, blanks what it matched, and returns the match (or null). */
    private static Matcher take(final Pattern pattern, final StringBuilder text)
    {
        final Matcher m = pattern.matcher(text);
        if (!m.find())
        {
            return null;
        }
        final Matcher copy = pattern.matcher(text.toString());
        copy.find(m.start());
        blank(text, m.start(), m.end());
        return copy;
    }

    private static void blank(final StringBuilder text, final int start, final int end)
    {
        for (int i = start; i < end; i++)
        {
            text.setCharAt(i, ' ');
        }
    }

    private static BigDecimal decimal(final Matcher m, final int first, final int second)
    {
        if (m == null)
        {
            return null;
        }
        final String value = m.group(first) != null ? m.group(first) : m.group(second);
        return value == null ? null : new BigDecimal(value);
    }

    private static int whole(final Matcher m, final int first, final int second)
    {
        if (m == null)
        {
            return 0;
        }
        final String value = m.group(first) != null ? m.group(first) : m.group(second);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
