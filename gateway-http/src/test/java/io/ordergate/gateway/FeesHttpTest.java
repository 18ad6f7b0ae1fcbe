package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Paper fees ({@code engine.paper_fee_rate}, or an account's {@code fee_rate}) on every fill, in the trade history, the
 * closed positions, the balance and performance, against a ledger computed by hand; performance sees every fill though
 * the engine keeps 3 ({@code engine.max_trades: 3}), and the same after a restart (the journal replayed).
 *
 * <pre>
 *   fee-a (10000 USD, fee rate 0.0001 from the configuration), EURUSD (100000 a lot), notional x 0.0001, half-even:
 *     buy  1.00 @1.10010  notional 110010.00  fee 11.00
 *     sell 1.00 @1.10510  notional 110510.00  fee 11.05   realized +500.00   round trip net 477.95
 *     buy  0.50 @1.10520  notional  55260.00  fee  5.53
 *     sell 0.50 @1.10100  notional  55050.00  fee  5.50   realized -210.00   round trip net -221.03
 *     buy  1.00 @1.10110  notional 110110.00  fee 11.01   open, -10.00 at the bid 1.10100
 *   realized 290.00, fees 44.09, balance 10245.91; equity curve 10000, 9989.00, 10477.95 (peak), 10472.42, 10256.92,
 *   10245.91, 10235.91 with the open position: drawdown 242.04 / 10477.95.
 * </pre>
 */
class FeesHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void feesAreChargedRecordedAndCountedInPerformanceFromEveryFill()
    {
        TestGateway gateway = TestGateway.startEdited(dataDir,
            c -> c.replace("max_trades: 4096", "max_trades: 3, paper_fee_rate: 0.0001"));
        try
        {
            assertEquals(201, gateway.createAccount("fee-a", "10000").status());
            final Reply own = gateway.post("/api/v1/accounts", "{\"account_id\": \"fee-b\", \"balance\": 1000, \"fee_rate\": \"0.00025\"}");
            assertEquals(201, own.status(), own::toString);
            same("0.00025", own.json(), "fee_rate");
            same("0.0001", gateway.get("/api/v1/accounts/fee-a").json(), "fee_rate");
            final Reply mt5Fee = gateway.post("/api/v1/accounts", "{\"account_id\": \"fee-c\", \"venue\": \"mt5\", \"fee_rate\": 0.001}");
            assertEquals(400, mt5Fee.status(), mt5Fee::toString);
            assertEquals("fee_rate", mt5Fee.errorField());
            assertEquals(400, gateway.post("/api/v1/accounts", "{\"account_id\": \"fee-d\", \"fee_rate\": 0.5}").status());

            gateway.quote("EURUSD", "1.10000", "1.10010");
            filled(gateway.market("fee-a", "EURUSD", "buy", "1.00"));
            gateway.quote("EURUSD", "1.10510", "1.10520");
            filled(gateway.market("fee-a", "EURUSD", "sell", "1.00"));
            filled(gateway.market("fee-a", "EURUSD", "buy", "0.50"));
            gateway.quote("EURUSD", "1.10100", "1.10110");
            filled(gateway.market("fee-a", "EURUSD", "sell", "0.50"));
            filled(gateway.market("fee-a", "EURUSD", "buy", "1.00"));
            filled(gateway.market("fee-b", "EURUSD", "buy", "0.10"));  // 11011.00 x 0.00025 = 2.75275: 2.75

            final JsonNode trades = gateway.get("/api/v1/trades?account_id=fee-a").json().path("trades");
            // the engine keeps engine.max_trades (3) fills, the last of them fee-b's
            assertEquals(2, trades.size(), "the engine keeps engine.max_trades fills: " + trades);
            same("11.01", trades.get(0), "fee");
            same("5.5", trades.get(1), "fee");
            same("-210", trades.get(1), "realized_pnl");
            same("2.75", gateway.get("/api/v1/trades?account_id=fee-b").json().path("trades").get(0), "fee");
            same("10245.91", gateway.get("/api/v1/accounts/fee-a").json(), "balance");
            same("997.25", gateway.get("/api/v1/accounts/fee-b").json(), "balance");

            final JsonNode closed = gateway.get("/api/v1/positions/closed?account_id=fee-a").json().path("positions");
            same("11.03", closed.get(0), "fee");   // its entry's 5.53 and its exit's 5.50
            same("-221.03", closed.get(0), "pnl");
            same("22.05", closed.get(1), "fee");
            same("477.95", closed.get(1), "pnl");

            ledgerIsTheHandComputedOne(gateway);
            final String digest = gateway.digest();
            gateway.restart();
            assertEquals(digest, gateway.digest(), "the journal replays the fees");
            ledgerIsTheHandComputedOne(gateway);
        }
        finally
        {
            gateway.close();
        }
    }

    private static void ledgerIsTheHandComputedOne(final TestGateway gateway)
    {
        final JsonNode metrics = gateway.get("/api/v1/accounts/fee-a/performance").json().path("metrics");
        assertEquals(5, metrics.path("fills").asInt(), "every fill, though the engine keeps 3: " + metrics);
        same("290", metrics, "realized_pnl");
        same("44.09", metrics, "fees");
        same("245.91", metrics, "net_pnl");
        same("-10", metrics, "unrealized_pnl");
        same("235.91", metrics, "total_pnl");
        same("10000", metrics, "deposits");
        same("0", metrics, "withdrawals");
        same("10000", metrics, "starting_equity");
        same("2.3591", metrics, "return_pct");
        assertEquals(2, metrics.path("trades").asInt());
        same("0.5", metrics, "win_rate");
        same(new BigDecimal("477.95").divide(new BigDecimal("221.03"), 8, RoundingMode.HALF_EVEN).toPlainString(), metrics, "profit_factor");
        same(new BigDecimal("242.04").multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("10477.95"), 8, RoundingMode.HALF_EVEN)
            .toPlainString(), metrics, "max_drawdown_pct");
        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        same("44.09", metrics.path("daily").path(today), "fees");
        same("245.91", metrics.path("daily").path(today), "net_pnl");

        // A past range is judged by what it realized: the open position's unrealized PnL is not in it.
        final String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        final JsonNode closedRange = gateway.get("/api/v1/accounts/fee-a/performance?start_date=" + today + "&end_date=" + today)
            .json().path("metrics");
        assertTrue(closedRange.path("unrealized_counted").asBoolean(), "a range ending tomorrow ends after now: " + closedRange);
        final JsonNode future = gateway.get("/api/v1/accounts/fee-a/performance?start_date=" + tomorrow).json().path("metrics");
        same("0", future, "realized_pnl");
        same("10245.91", future, "starting_equity");   // what the account holds when the range starts
        same("0", future, "deposits");
        final String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        final JsonNode past = gateway.get("/api/v1/accounts/fee-a/performance?end_date=" + yesterday).json().path("metrics");
        assertEquals(false, past.path("unrealized_counted").asBoolean(true));
        same("0", past, "total_pnl");
        assertTrue(past.path("return_pct").isNull(), "nothing was deposited before the range ended: " + past);
    }

    private static void filled(final Reply order)
    {
        assertEquals(201, order.status(), order::toString);
        assertEquals("filled", order.text("status"), order::toString);
    }

    private static void same(final String expected, final JsonNode node, final String field)
    {
        assertTrue(node.path(field).isNumber(), field + " in " + node);
        assertEquals(0, new BigDecimal(expected).compareTo(node.path(field).decimalValue()), field + " = " + node.path(field) + " in " + node);
    }
}
