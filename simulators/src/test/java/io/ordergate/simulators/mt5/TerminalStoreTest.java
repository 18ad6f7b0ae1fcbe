package io.ordergate.simulators.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated terminal's durable memory: its files, and a terminal started again from them. */
class TerminalStoreTest
{
    @TempDir
    Path dir;

    private Path results()
    {
        return dir.resolve("results.log");
    }

    private Path state()
    {
        return dir.resolve("positions.json");
    }

    private static Map<String, Object> result(final String ticket, final String price)
    {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticket", ticket);
        details.put("price", new BigDecimal(price));
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", Boolean.TRUE);
        result.put("message", "position opened");
        result.put("details", details);
        return result;
    }

    @Test
    void shouldReadBackEveryResultLineAndSnapshotItWrote() throws Exception
    {
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            assertTrue(store.results().isEmpty());
            assertNull(store.state());
            store.appendResult("ord_1", result("1001", "1.08428"));
            store.appendResult("cmd_2", Map.of("success", Boolean.FALSE, "message", "trading is \"paused\"\n"));
            store.writeState(Map.of("nextTicket", 1001L, "positions", List.of(Map.of("ticket", "1001", "symbol", "EURUSD"))));
        }
        final List<String> lines = Files.readAllLines(results());
        assertEquals(2, lines.size());
        assertEquals("ord_1\t{\"success\":true,\"message\":\"position opened\",\"details\":{\"ticket\":\"1001\",\"price\":1.08428}}", lines.get(0));
        assertTrue(lines.get(1).startsWith("cmd_2\t"), lines.get(1));

        try (TerminalStore again = new TerminalStore(results(), state()))
        {
            assertEquals(List.of("ord_1", "cmd_2"), List.copyOf(again.results().keySet()));
            assertEquals(result("1001", "1.08428"), again.results().get("ord_1"));
            assertEquals("trading is \"paused\"\n", again.results().get("cmd_2").get("message"));
            assertEquals(new BigDecimal("1001"), io.ordergate.simulators.SimulatorJson.decimal(again.state().get("nextTicket")));
            assertEquals(List.of(Map.of("ticket", "1001", "symbol", "EURUSD")), again.state().get("positions"));
        }
    }

    @Test
    void shouldIgnoreATornLastLineAndAppendTheNextResultOnACleanLine() throws Exception
    {
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            store.appendResult("ord_1", result("1001", "1.1"));
        }
        // A kill in the middle of the second write: no newline, half a JSON object.
        Files.writeString(results(), "ord_2\t{\"success\":true,\"details\":{\"tick", StandardOpenOption.APPEND);

        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            assertEquals(List.of("ord_1"), List.copyOf(store.results().keySet()));
            store.appendResult("ord_2", result("1002", "1.2"));
        }
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            assertEquals(List.of("ord_1", "ord_2"), List.copyOf(store.results().keySet()));
            assertEquals(result("1002", "1.2"), store.results().get("ord_2"));
        }
        assertEquals(2, Files.readAllLines(results()).size());
    }

    @Test
    void shouldKeepTheFirstResultOfARepeatedIdAndSkipALineThatIsNotARecord() throws Exception
    {
        Files.writeString(results(), "ord_1\t{\"success\":true,\"details\":{\"ticket\":\"1\"}}\n"
            + "garbage without a tab\n"
            + "ord_1\t{\"success\":true,\"details\":{\"ticket\":\"2\"}}\n", StandardCharsets.UTF_8);
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            assertEquals(1, store.results().size());
            assertEquals("1", ((Map<?, ?>)store.results().get("ord_1").get("details")).get("ticket"));
        }
    }

    @Test
    void shouldRecoverTheResultOfASnapshotWrittenJustBeforeAKill() throws Exception
    {
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            final Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("positions", List.of());
            snapshot.put("lastCommandId", "ord_9");
            snapshot.put("lastResult", result("9009", "1.3"));
            store.writeState(snapshot);
        }  // killed before the results line
        try (TerminalStore store = new TerminalStore(results(), state()))
        {
            assertEquals(result("9009", "1.3"), store.results().get("ord_9"));
        }
        assertEquals(1, Files.readAllLines(results()).size());
    }

    private static String open(final String id, final String lots)
    {
        return "{\"id\":\"" + id + "\",\"command\":\"OPEN_POSITION\",\"parameters\":{\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":" + lots
            + ",\"sl\":0,\"tp\":0},\"priority\":\"HIGH\",\"createdAt\":\"2024-01-01T00:00:00Z\"}";
    }

    private SimulatedTerminal terminal(final PriceSource prices)
    {
        return new SimulatedTerminal(new SimulatedTerminal.Settings(URI.create("http://127.0.0.1:9"), "exe-1", "k", "s", 30), prices)
            .balance(new BigDecimal("10000"))
            .persistIn(dir);
    }

    @Test
    void shouldAnswerARepeatedIdFromTheFileWithoutTradingAndCloseATicketOpenedBeforeTheRestart()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        final Map<String, Object> first;
        final String ticket;
        try (SimulatedTerminal terminal = terminal(prices))
        {
            terminal.handle(open("ord_7", "0.10"));
            assertEquals(1, terminal.tradesDone());
            first = terminal.result("ord_7");
            assertNotNull(first);
            ticket = (String)((Map<?, ?>)first.get("details")).get("ticket");
            assertEquals(List.of(Long.parseLong(ticket)), terminal.openTickets());
        }  // the process dies; a new terminal starts from the same files

        prices.set("EURUSD", "1.09420", "1.09428");
        try (SimulatedTerminal restarted = terminal(prices))
        {
            assertEquals(first, restarted.result("ord_7"));
            restarted.handle("{\"pendingCommands\":[" + open("ord_7", "0.10") + "]}");  // the gateway re-delivers it
            assertEquals(0, restarted.tradesDone(), "a repeated id is answered from the file, not traded");
            assertEquals(List.of(Long.parseLong(ticket)), restarted.openTickets());

            restarted.handle("{\"id\":\"ord_8\",\"command\":\"CLOSE_POSITION\",\"parameters\":{\"ticket\":\"" + ticket + "\"}}");
            final Map<String, Object> closed = restarted.result("ord_8");
            assertEquals(Boolean.TRUE, closed.get("success"), String.valueOf(closed));
            assertEquals(new BigDecimal("99.20"), ((Map<?, ?>)closed.get("details")).get("profit"));  // (1.09420 - 1.08428) * 0.1 lot
            assertEquals(List.of(), restarted.openTickets());

            restarted.handle(open("ord_9", "0.20"));
            final String next = (String)((Map<?, ?>)restarted.result("ord_9").get("details")).get("ticket");
            assertTrue(Long.parseLong(next) > Long.parseLong(ticket), "tickets are not reused: " + next + " after " + ticket);
        }
        try (SimulatedTerminal third = terminal(prices))
        {
            assertEquals(1, third.openTickets().size());
            assertNotNull(third.result("ord_8"));
        }
    }
}
