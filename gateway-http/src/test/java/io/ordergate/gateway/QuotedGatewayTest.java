package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real gateway for all the tests of a class: the demo configuration on a temp data directory, EURUSD quoted
 * 1.08420 / 1.08428 before the first test, stopped (and its journal's replay checked) after the last.
 */
abstract class QuotedGatewayTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void startQuoted()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
    }

    @AfterAll
    static void stopQuoted()
    {
        gateway.close();
    }
}
