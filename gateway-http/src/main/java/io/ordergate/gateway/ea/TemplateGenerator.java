package io.ordergate.gateway.ea;

import java.util.List;

/**
 * The built-in generator ({@code ea.generator: template}): {@link StrategyParser} reads the description, {@link Mq5Template}
 * writes the EA. Deterministic (the same description and symbols give the same bytes) and local: no model, no network.
 * Thread safe (stateless).
 */
public final class TemplateGenerator implements EaGenerator
{
    public static final String NAME = "template";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Generated generate(final String description, final List<String> symbols) throws NotUnderstood
    {
        final Strategy strategy = new StrategyParser(symbols).parse(description);
        final String name = eaName(strategy);
        // the magic number a terminal tells this EA's positions by: from the description, so the same EA keeps it
        final long magic = 100_000_000L + Math.floorMod(description.trim().hashCode(), 900_000_000);
        return new Generated(name + ".mq5", Mq5Template.source(name, strategy, description, magic), strategy.summary());
    }

    private static String eaName(final Strategy s)
    {
        final StringBuilder name = new StringBuilder("Og");
        if (s.movingAverages() != null)
        {
            name.append("MaCross").append(s.movingAverages().fast()).append('x').append(s.movingAverages().slow());
        }
        if (s.rsi() != null)
        {
            name.append("Rsi").append(s.rsi().period());
        }
        if (s.breakout() != null)
        {
            name.append("Breakout").append(s.breakout().bars());
        }
        if (s.symbol() != null)
        {
            name.append('_').append(s.symbol().replaceAll("[^A-Za-z0-9]", ""));
        }
        if (s.timeframe() != null)
        {
            name.append('_').append(s.timeframe().replace("PERIOD_", ""));
        }
        return name.toString();
    }
}
