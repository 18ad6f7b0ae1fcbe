package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClusterConfigTest
{
    private static final String INSTRUMENT = "instruments: [ { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000," +
        " lot_step: 0.01, min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD } ]\n";

    @Test
    void theSingleNodeFormIsTheDefault()
    {
        final ClusterConfig cluster = ConfigLoader.demo().cluster();
        assertFalse(cluster.enabled());
        assertFalse(ConfigLoader.parse(INSTRUMENT + "server: { port: 0 }", "test").cluster().enabled());
    }

    @Test
    void aMemberOfThreeOnOneHostHasItsOwnPorts()
    {
        final ClusterConfig cluster = ConfigLoader.parse(INSTRUMENT + String.join("\n",
            "cluster:",
            "  enabled: true",
            "  member_id: 2",
            "  members: [10.0.0.1, 10.0.0.2, node-c.example]",
            "  port_base: 30000",
            "  dir: replicated",
            "  leader_heartbeat_timeout_millis: 1500",
            "  snapshot_interval_seconds: 60",
            ""), "test").cluster();
        assertTrue(cluster.enabled());
        assertEquals(2, cluster.memberId());
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "node-c.example"), cluster.members());
        assertEquals(30_000, cluster.port(0, ClusterConfig.INGRESS_PORT));
        assertEquals(30_024, cluster.port(2, ClusterConfig.ARCHIVE_PORT));
        assertEquals(1500, cluster.leaderHeartbeatTimeoutMillis());
        assertEquals(60, cluster.snapshotIntervalSeconds());
        assertEquals(Path.of("/srv/og/replicated"), cluster.dir(Path.of("/srv/og")));
    }

    @Test
    void aMemberIdOutsideTheMembersIsRefusedWithItsPath()
    {
        final ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(INSTRUMENT +
            "cluster: { enabled: true, member_id: 3, members: [a, b, c] }", "test"));
        assertTrue(error.getMessage().contains("cluster.member_id"), error.getMessage());
    }

    @Test
    void aMemberWithAPortIsRefused()
    {
        final ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(INSTRUMENT +
            "cluster: { enabled: true, members: [\"a:9000\", b, c] }", "test"));
        assertTrue(error.getMessage().contains("cluster.members[0]"), error.getMessage());
    }

    @Test
    void anOfferedCommandWaitsForItsCommitTenSecondsUnlessToldOtherwise()
    {
        assertEquals(10_000, ConfigLoader.parse(INSTRUMENT + "cluster: { enabled: true }", "test").cluster().commitTimeoutMillis());
        final ClusterConfig cluster = ConfigLoader.parse(INSTRUMENT + "cluster: { enabled: true, commit_timeout_millis: 2500 }", "test").cluster();
        assertEquals(2500, cluster.commitTimeoutMillis());
        assertEquals(2500, cluster.asMember(1, List.of("a", "b", "c"), 21_000, 1500).commitTimeoutMillis(), "kept by the tests' copies");
        final ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(INSTRUMENT +
            "cluster: { enabled: true, commit_timeout_millis: 50 }", "test"));
        assertTrue(error.getMessage().contains("cluster.commit_timeout_millis"), error.getMessage());
    }

    @Test
    void anUnknownKeyIsRefused()
    {
        final ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(INSTRUMENT +
            "cluster: { enabled: true, leader: 1 }", "test"));
        assertTrue(error.getMessage().contains("cluster.leader"), error.getMessage());
    }
}
