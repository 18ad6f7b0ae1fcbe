package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad setting is refused with an error that names its full key. */
class ConfigValidationTest
{
    static final String INSTRUMENT =
        "  - {symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n" +
        "     min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD}\n";

    /** A valid instrument list followed by {@code extra} YAML. */
    static String withInstrument(final String extra)
    {
        return "instruments:\n" + INSTRUMENT + extra.replace("\\n", "\n");
    }

    /** A second instrument with {@code fields} overridden ("digits: 12;symbol: &lt;absent&gt;"). */
    static String secondInstrument(final String fields)
    {
        final StringBuilder yaml = new StringBuilder("instruments:\n").append(INSTRUMENT).append("  - ");
        final String base = "symbol: GBPUSD;digits: 5;pip_size: 0.0001;contract_size: 100000;lot_step: 0.01;" +
            "min_quantity: 0.01;max_quantity: 100;base_currency: GBP;quote_currency: USD";
        final java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (final String kv : (base + (fields.isEmpty() ? "" : ";" + fields)).split(";"))
        {
            final int colon = kv.indexOf(':');
            final String value = kv.substring(colon + 1).trim();
            if (value.equals("<absent>"))
            {
                values.remove(kv.substring(0, colon));
            }
            else
            {
                values.put(kv.substring(0, colon), value);
            }
        }
        values.forEach((k, v) -> yaml.append(k).append(": ").append(v).append("\n    "));
        return yaml.toString();
    }

    static void assertRejected(final String yaml, final String key, final String problem)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test"),
            () -> "accepted:\n" + yaml);
        assertEquals(key, ex.key(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("config error at " + key + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(problem), () -> ex.getMessage() + " lacks: " + problem);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "server:\\n  prot: 8080                  | server.prot                 | unknown key",
        "servr:\\n  port: 8080                   | servr                       | unknown key",
        "server:\\n  port: 65536                 | server.port                 | between 0 and 65535, was 65536",
        "server:\\n  port: -1                    | server.port                 | between 0 and 65535",
        "server:\\n  port: abc                   | server.port                 | must be an integer",
        "server:\\n  port: 80.5                  | server.port                 | must be an integer",
        "`server:\\n  port: \"8080\"`            | server.port                 | must be an integer",
        "server:\\n  port: [1]                   | server.port                 | not a list",
        "server: 8080                            | server                      | must be a mapping",
        "server:\\n  host: ''                    | server.host                 | host name or address",
        "server:\\n  max_body_bytes: 0           | server.max_body_bytes       | between 256",
        "server:\\n  max_connections: 0          | server.max_connections      | between 1",
        "server:\\n  idle_timeout_seconds: 0     | server.idle_timeout_seconds | between 1",
        "server:\\n  max_unauthenticated_connections: 0 | server.max_unauthenticated_connections | between 1",
        "server:\\n  request_read_timeout_seconds: 0 | server.request_read_timeout_seconds | between 1",
        "server:\\n  event_loop_threads: 0       | server.event_loop_threads   | between 1",
        "server:\\n  transport: kqueue         | server.transport            | one of auto, nio, epoll",
        "server:\\n  warmup_orders: -1         | server.warmup_orders        | between 0 and 1000000",
        "journal:\\n  on_replay_divergence: ignore | journal.on_replay_divergence | one of refuse, start",
        "journal:\\n  replay: strict           | journal.replay              | unknown key",
        "server:\\n  warmup_orders: 1000001    | server.warmup_orders        | between 0 and 1000000",
        "server:\\n  direct_replies: maybe    | server.direct_replies       | true or false, was maybe",
        "server:\\n  background_threads: low | server.background_threads   | one of idle, normal",
        "server:\\n  performance_reads_cpu_pct: 0 | server.performance_reads_cpu_pct | between 1 and 100",
        "server:\\n  performance_reads_cpu_pct: 101 | server.performance_reads_cpu_pct | between 1 and 100",
        "server:\\n  answer_timeout_seconds: 0 | server.answer_timeout_seconds | between 1 and 86400",
        "server:\\n  answer_timeout_seconds: 30 | server.answer_timeout_seconds | greater than executors.investor_wait_seconds (30), was 30",
        "server:\\n  performance_fills_kept_per_account: 1023 | server.performance_fills_kept_per_account | between 1024 and 67108864",
        "server:\\n  port: 1\\n  port: 2         | server.port                 | duplicate key",
        "data_dir: ''                            | data_dir                    | directory path",
        "pipeline:\\n  ring_size: 1000           | pipeline.ring_size          | power of two, was 1000",
        "pipeline:\\n  ring_size: 32             | pipeline.ring_size          | between 64 and 1048576",
        "pipeline:\\n  ring_size: 2097152        | pipeline.ring_size          | between 64 and 1048576",
        "pipeline:\\n  wait_strategy: spin       | pipeline.wait_strategy      | one of blocking, sleeping",
        "pipeline:\\n  wait_strategy: BLOCKING   | pipeline.wait_strategy      | one of blocking",
        "pipeline:\\n  stage_threads: 2          | pipeline.stage_threads      | one of auto, 1, 3",
        "pipeline:\\n  yield_window_us: -1       | pipeline.yield_window_us    | between 0 and 100000",
        "pipeline:\\n  yield_window_us: 100001   | pipeline.yield_window_us    | between 0 and 100000",
        "engine:\\n  max_orders: 1000            | engine.max_orders           | power of two",
        "engine:\\n  max_accounts: 0             | engine.max_accounts         | between 1 and 4194304",
        "engine:\\n  max_trades: 4194305         | engine.max_trades           | between 1 and 4194304",
        "engine:\\n  max_keys: -1                | engine.max_keys             | between 1",
        "engine:\\n  max_tickets: 0              | engine.max_tickets          | between 1",
        "engine:\\n  max_groups: 0               | engine.max_groups           | between 1",
        "engine:\\n  max_bots: 0                 | engine.max_bots             | between 1",
        "engine:\\n  max_executor_commands: 0    | engine.max_executor_commands | between 1",
        "engine:\\n  max_keys_made_per_user: 0   | engine.max_keys_made_per_user | between 1 and 4194304",
        "engine:\\n  max_order: 1024             | engine.max_order            | unknown key",
        "engine:\\n  max_experts: 0              | engine.max_experts          | between 1",
        "engine:\\n  expert_log_entries: 70000   | engine.expert_log_entries   | between 1 and 65536",
        "engine:\\n  paper_fee_rate: 0.1         | engine.paper_fee_rate       | at least 0 and less than 0.1",
        "engine:\\n  paper_fee_rate: -0.001      | engine.paper_fee_rate       | paper_fee_rate",
        "engine:\\n  paper_fee_rate: 0.000000001 | engine.paper_fee_rate       | at most 8 decimal places",
        "executors:\\n  trailing_modify_interval_millis: -1 | executors.trailing_modify_interval_millis | between 0",
        "executors:\\n  offline_after_seconds: 0 | executors.offline_after_seconds | between 1",
        "executors:\\n  heartbeat_limit: 0       | executors.heartbeat_limit   | between 1",
        "executors:\\n  command_limit: 0         | executors.command_limit     | between 1",
        "executors:\\n  trade_limit: 0           | executors.trade_limit       | between 1",
        "executors:\\n  gateway_trade_limit: 0   | executors.gateway_trade_limit | between 1",
        "executors:\\n  rate_window_seconds: 0   | executors.rate_window_seconds | between 1",
        "executors:\\n  ping_interval_seconds: 0 | executors.ping_interval_seconds | between 1",
        "executors:\\n  socket_idle_timeout_seconds: 0 | executors.socket_idle_timeout_seconds | between 1",
        "executors:\\n  max_queued_bytes_per_socket: 0 | executors.max_queued_bytes_per_socket | between 65536",
        "demo:\\n  quote_feed: maybe             | demo.quote_feed             | true or false, was maybe",
        "demo:\\n  quote_feed: 1                 | demo.quote_feed             | true or false",
        "demo:\\n  quote_interval_millis: 0      | demo.quote_interval_millis  | between 1",
        "demo:\\n  simulated_terminal: 'yes'     | demo.simulated_terminal     | true or false",
        "demo:\\n  mt5_account_id: 'a b'         | demo.mt5_account_id         | 1 to 64 of",
        "webhook:\\n  dedup_window_millis: -1    | webhook.dedup_window_millis | between 0",
        "webhook:\\n  allowed_sources: 10.0.0.1  | webhook.allowed_sources     | must be a list",
        "webhook:\\n  allowed_sources: [10.0.0.1, 300.1.1.1] | webhook.allowed_sources[1] | IPv4 or IPv6",
        "webhook:\\n  allowed_sources: [10.0.0.0/33] | webhook.allowed_sources[0] | CIDR",
        "webhook:\\n  allowed_sources: ['::1/129'] | webhook.allowed_sources[0] | CIDR",
        "webhook:\\n  allowed_sources: ['1::2::3'] | webhook.allowed_sources[0] | CIDR",
        "webhook:\\n  allowed_sources: [example.com] | webhook.allowed_sources[0] | CIDR",
        "webhook:\\n  allowed_sources: ['1:2:3:4:5:6:7'] | webhook.allowed_sources[0] | CIDR",
        "accounts: {account_id: a}               | accounts                    | must be a list",
        "accounts:\\n  - a                       | accounts[0]                 | must be a mapping",
    })
    void shouldNameTheKeyOfEveryBadSetting(final String extra, final String key, final String problem)
    {
        assertRejected(withInstrument(extra + "\n"), key, problem);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "digits: 12                    | instruments[1].digits          | between 0 and 8, was 12",
        "digits: <absent>              | instruments[1].digits          | is required",
        "symbol: <absent>              | instruments[1].symbol          | is required",
        "symbol: eurusd                | instruments[1].symbol          | 1 to 16 of A-Z",
        "symbol: ABCDEFGHIJKLMNOPQ     | instruments[1].symbol          | 1 to 16 of A-Z",
        "symbol: EURUSD                | instruments[1].symbol          | duplicate symbol EURUSD, first at " +
            "instruments[0]",
        "pip_size: 0.000001            | instruments[1].pip_size        | at most 5 decimal places",
        "pip_size: 0                   | instruments[1].pip_size        | greater than 0",
        "pip_size: -0.0001             | instruments[1].pip_size        | greater than 0, was -0.00010",
        "pip_size: abc                 | instruments[1].pip_size        | decimal number, was \"abc\"",
        "pip_size: .5                  | instruments[1].pip_size        | decimal number",
        "pip_size: 1e30                | instruments[1].pip_size        | too large",
        "contract_size: 0              | instruments[1].contract_size   | between 1",
        "contract_size: 1.5            | instruments[1].contract_size   | must be an integer",
        "lot_step: 0                   | instruments[1].lot_step        | greater than 0",
        "lot_step: 0.000000001         | instruments[1].lot_step        | at most 8 decimal places",
        "lot_step: one                 | instruments[1].lot_step        | decimal number",
        "min_quantity: 0.015           | instruments[1].min_quantity    | at most 2 decimal places",
        "min_quantity: 0               | instruments[1].min_quantity    | greater than 0",
        "lot_step: 0.02;min_quantity: 0.03 | instruments[1].min_quantity | multiple of lot_step 0.02, was 0.03",
        "max_quantity: 0.005           | instruments[1].max_quantity    | at most 2 decimal places",
        "min_quantity: 2;max_quantity: 1 | instruments[1].max_quantity  | not be less than min_quantity 2.00",
        "base_currency: eur            | instruments[1].base_currency   | 3 capital letters",
        "quote_currency: USDT          | instruments[1].quote_currency  | 3 capital letters",
        "demo_bid: 1.2                 | instruments[1].demo_ask        | is required",
        "demo_ask: 1.2                 | instruments[1].demo_bid        | is required",
        "demo_bid: 1.3;demo_ask: 1.2   | instruments[1].demo_ask        | greater than demo_bid 1.30000, was 1.20000",
        "demo_bid: 1.2;demo_ask: 1.2   | instruments[1].demo_ask        | greater than demo_bid",
        "demo_bid: 0;demo_ask: 1.2     | instruments[1].demo_bid        | greater than 0",
        "demo_bid: 1.234567;demo_ask: 2 | instruments[1].demo_bid       | at most 5 decimal places",
        "sybmol: X                     | instruments[1].sybmol          | unknown key",
    })
    void shouldNameTheInstrumentAndKeyOfEveryBadInstrumentSetting(
        final String fields, final String key, final String problem)
    {
        assertRejected(secondInstrument(fields), key, problem);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{currency: USD, balance: 1}                            | accounts[0].account_id | is required",
        "{account_id: 'a b', currency: USD, balance: 1}         | accounts[0].account_id | 1 to 64 of",
        "{account_id: a, venue: kraken, currency: USD, balance: 1}  | accounts[0].venue  | paper, mt5, binance or okx",
        "{account_id: a, currency: usd, balance: 1}             | accounts[0].currency   | 3 capital letters",
        "{account_id: a, currency: USD}                         | accounts[0].balance    | is required",
        "{account_id: a, currency: USD, balance: -1}            | accounts[0].balance    | not be negative, was -1.00",
        "{account_id: a, currency: USD, balance: 1.001}         | accounts[0].balance    | at most 2 decimal places",
        "{account_id: a, currency: USD, balance: 1, leverage: 0}    | accounts[0].leverage | between 1 and 1000",
        "{account_id: a, currency: USD, balance: 1, leverage: 1001} | accounts[0].leverage | between 1 and 1000",
        "{account_id: a, currency: USD, balance: 1, levrage: 10}    | accounts[0].levrage  | unknown key",
    })
    void shouldNameTheAccountAndKeyOfEveryBadAccountSetting(
        final String account, final String key, final String problem)
    {
        assertRejected(withInstrument("accounts:\n  - " + account + "\n"), key, problem);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                   | instruments | at least one instrument",
        "`server:\\n  port: 1\\n`             | instruments | at least one instrument",
        "`instruments: []`                    | instruments | at least one instrument",
        "`instruments: EURUSD`                | instruments | must be a list",
        "`- a\\n- b`                          | <root>      | mapping of sections",
        "`instruments: [1]`                   | instruments[0] | must be a mapping",
    })
    void shouldRequireAtLeastOneInstrument(final String yaml, final String key, final String problem)
    {
        assertRejected(yaml.replace("\\n", "\n"), key, problem);
    }

    @org.junit.jupiter.api.Test
    void shouldNameTheSourceOfInvalidYaml()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse("instruments: [\n  - {", "broken.yaml"));
        assertEquals("broken.yaml", ex.key());
        assertTrue(ex.getMessage().startsWith("config error at broken.yaml: invalid YAML"), ex.getMessage());
    }

    @org.junit.jupiter.api.Test
    void shouldRejectDuplicateAccountIds()
    {
        assertRejected(withInstrument("accounts:\n  - {account_id: a, currency: USD, balance: 1}\n" +
            "  - {account_id: a, currency: EUR, balance: 2}\n"), "accounts[1].account_id", "duplicate account id a");
    }
}
