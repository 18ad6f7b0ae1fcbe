package io.ordergate.gateway.exchange;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.gateway.core.ReplyListener;

/**
 * Exchange accounts in the gateway: the connector's I/O ({@link ExchangeIo}), its part of the reply stage
 * ({@link ExchangeReplies}) and the master key that seals and opens the accounts' credentials (MasterKeys: from
 * {@code ORDERGATE_MASTER_KEY}, else the owner-only {@code DATA_DIR/master.key}). Built on the start-up thread.
 */
public final class ExchangeFeature implements AutoCloseable
{
    private final SecretBox secrets;
    private final ExchangeIo io;
    private final ExchangeReplies replies;

    public ExchangeFeature(final GatewayConfig config)
    {
        secrets = new SecretBox(MasterKeys.load(System.getenv(), config.dataDir()));
        io = new ExchangeIo(config.exchanges(), config.instruments(), secrets);
        replies = new ExchangeReplies(io);
    }

    public ReplyListener listener()
    {
        return replies;
    }

    public ExchangeIo io()
    {
        return io;
    }

    public ExchangeReplies replies()
    {
        return replies;
    }

    public SecretBox secrets()
    {
        return secrets;
    }

    @Override
    public void close()
    {
        io.close();
    }
}
