package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exchange's commission on each fill ({@code executionReport} {@code n} in asset {@code N}) is the fill's fee, in
 * the account's currency, in the trade history, the balance and performance. The simulated exchange charges 0.1%:
 *
 * <pre>
 *   buy  0.01 BTCUSDT @65001.00: commission 0.00001 BTC (the asset bought) x 65001.00 = 0.65001 USDT: fee 0.65
 *   sell 0.01 BTCUSDT @65000.00: commission 650.00 x 0.001 = 0.65 USDT (the asset received): fee 0.65
 *   realized -0.01 (65000.00 - 65001.00) x 0.01, fees 1.30
 * </pre>
 */
class ExchangeFeesTest
{
    @TempDir
    Path dataDir;

    @Test
    void anExchangesCommissionIsTheFillsFee()
    {
        try (ExchangeHarness gateway = new ExchangeHarness(dataDir))
        {
            gateway.exchange().commissionRate(new BigDecimal("0.001"));
            gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "fee-buy").path("order_id").asText(), "filled");
            gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "sell", "0.01", "fee-sell").path("order_id").asText(), "filled");
            final JsonNode trades = gateway.get("/api/v1/trades?account_id=binance-demo").path("trades");
            assertEquals(2, trades.size(), trades.toString());
            assertEquals(0, new BigDecimal("0.65").compareTo(ExchangeHarness.decimal(trades.get(0).path("fee"))), trades.toString());
            assertEquals(0, new BigDecimal("-0.01").compareTo(ExchangeHarness.decimal(trades.get(0).path("realized_pnl"))), trades.toString());
            assertEquals(0, new BigDecimal("0.65").compareTo(ExchangeHarness.decimal(trades.get(1).path("fee"))), trades.toString());
            final JsonNode metrics = gateway.get("/api/v1/accounts/binance-demo/performance").path("metrics");
            assertEquals(0, new BigDecimal("1.3").compareTo(ExchangeHarness.decimal(metrics.path("fees"))), metrics.toString());
            assertEquals(0, new BigDecimal("-1.31").compareTo(ExchangeHarness.decimal(metrics.path("net_pnl"))), metrics.toString());
            final JsonNode closed = gateway.get("/api/v1/positions/closed?account_id=binance-demo").path("positions").get(0);
            assertEquals(0, new BigDecimal("1.3").compareTo(ExchangeHarness.decimal(closed.path("fee"))), closed.toString());
        }
    }
}
