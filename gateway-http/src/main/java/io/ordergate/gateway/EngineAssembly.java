package io.ordergate.gateway;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.exchange.venue.ExchangeConnector;
import io.ordergate.gateway.webhooksout.WebhookCommands;
import io.ordergate.mt5.Mt5Connector;

/**
 * The engine with everything plugged into it (the MT5 and exchange venues, the outbound webhooks' commands): one place, so the
 * running gateway and every tool that replays its journal (the journal dump's decoder) apply the same commands the
 * same way. Call before replay.
 */
public final class EngineAssembly
{
    private EngineAssembly()
    {
    }

    public static Engine assemble(final GatewayConfig config)
    {
        final Engine engine = new Engine(config);
        Mt5Connector.install(engine);
        ExchangeConnector.install(engine);
        WebhookCommands.install(engine, config.webhooks().maxWebhooks());
        return engine;
    }
}
