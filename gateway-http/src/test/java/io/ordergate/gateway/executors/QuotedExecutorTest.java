package io.ordergate.gateway.executors;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh gateway per test with one MT5 executor online for account {@code mt5-1}, its symbol quoted, and executors
 * kept online for five minutes without a heartbeat (a test's results arrive whenever it sends them): the set-up of the
 * tests that post an executor's results and read what they booked.
 */
abstract class QuotedExecutorTest
{
    @TempDir
    Path dataDir;

    GatewayHarness gateway;
    GatewayHarness.Executor executor;

    @BeforeEach
    void startGatewayWithQuotedExecutor()
    {
        gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300");
        executor = gateway.onlineExecutorQuoted("mt5-1");
    }

    @AfterEach
    void stopGateway()
    {
        gateway.close();
    }
}
