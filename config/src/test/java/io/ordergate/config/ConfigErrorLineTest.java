package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A refused setting is named by its path and by the line it is written on, so a long file needs no counting of list items. */
class ConfigErrorLineTest
{
    private static final String TWO_INSTRUMENTS = String.join("\n",
        "server:",                         // 1
        "  port: 8080",                    // 2
        "instruments:",                    // 3
        "  - symbol: EURUSD",              // 4
        "    digits: 5",                   // 5
        "    pip_size: 0.0001",            // 6
        "    contract_size: 100000",       // 7
        "    lot_step: 0.01",              // 8
        "    min_quantity: 0.01",          // 9
        "    max_quantity: 100",           // 10
        "    base_currency: EUR",          // 11
        "    quote_currency: USD",         // 12
        "  - symbol: XAUUSD",              // 13
        "    digits: 2",                   // 14
        "    pip_size: 0.01",              // 15
        "    contract_size: 100",          // 16
        "    lot_step: 0.01",              // 17
        "    min_quantity: 0.01",          // 18
        "    max_quantity: 50",            // 19
        "    base_currency: XAU",          // 20
        "    quote_currency: USD",         // 21
        "");

    private static ConfigException refused(final String yaml)
    {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test.yaml"));
    }

    @Test
    void aDecimalFinerThanItsFieldIsRefusedWithItsPathAndLine()
    {
        final ConfigException ex = refused(TWO_INSTRUMENTS.replace("pip_size: 0.01", "pip_size: 0.015"));
        assertEquals("instruments[1].pip_size", ex.key());
        assertEquals("config error at instruments[1].pip_size: must have at most 2 decimal places (digits), was 0.015 (line 15)",
            ex.getMessage());
    }

    @Test
    void aTypoIsNamedAtItsLine()
    {
        final ConfigException ex = refused(TWO_INSTRUMENTS.replace("    max_quantity: 50", "    max_quantity: 50\n    demo_bidd: 1"));
        assertEquals("config error at instruments[1].demo_bidd: unknown key (line 20)", ex.getMessage());
    }

    @Test
    void aDuplicateKeyIsNamedAtItsSecondLine()
    {
        final ConfigException ex = refused(TWO_INSTRUMENTS + "server:\n  port: 9090\n");
        assertEquals("config error at server: duplicate key (line 22)", ex.getMessage());
    }

    @Test
    void aMissingKeyIsNamedAtTheLineOfItsSection()
    {
        final ConfigException ex = refused(TWO_INSTRUMENTS.replace("    contract_size: 100\n", ""));
        assertEquals("config error at instruments[1].contract_size: is required (line 13)", ex.getMessage());
    }

    @Test
    void aCheckAcrossSectionsNamesTheLineOfTheKeyItRefuses()
    {
        final ConfigException ex = refused(TWO_INSTRUMENTS.replace("  port: 8080", "  port: 8080\n  answer_timeout_seconds: 5")
            + "executors:\n  investor_wait_seconds: 10\n");
        assertEquals("server.answer_timeout_seconds", ex.key());
        assertEquals("config error at server.answer_timeout_seconds: must be greater than executors.investor_wait_seconds (10), was 5 (line 3)",
            ex.getMessage());
    }
}
