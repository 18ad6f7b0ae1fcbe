package io.ordergate.gateway.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seed 002's names on the open positions of {@code GET /api/v1/positions?broker_connection_id=}: its client reads
 * {@code broker_position_id} (the terminal's ticket, else the position id), {@code instrument}, {@code units} (base
 * units: lots × contract size) and {@code pnl} (the unrealized PnL), beside the position's own fields, as a seed-002
 * order answers {@code broker_order_id} and {@code fill_price}. A read on the reply thread: allocates. Thread safe.
 */
final class Seed002Positions
{
    /** The engine's decimals stay exact: read as BigDecimal, never a double, and written back plain (no exponent). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Map<String, Long> contractSizes;

    /** @param contractSizes each configured symbol's contract size */
    Seed002Positions(final Map<String, Long> contractSizes)
    {
        this.contractSizes = contractSizes;
    }

    /** The JSON array of positions the engine wrote, each with seed 002's names added. */
    byte[] withSeedNames(final byte[] positions, final int length)
    {
        try
        {
            final ArrayNode items = (ArrayNode)JSON.readTree(positions, 0, length);
            for (final JsonNode item : items)
            {
                final ObjectNode position = (ObjectNode)item;
                final JsonNode ticket = position.path("ticket");
                position.set("broker_position_id", ticket.isMissingNode() || ticket.isNull() ? position.path("position_id") : ticket);
                final String symbol = position.path("symbol").asText();
                position.put("instrument", symbol);
                final Long contractSize = contractSizes.get(symbol);
                if (contractSize == null || !position.path("quantity").isNumber())
                {
                    position.putNull("units");
                }
                else
                {
                    position.put("units", position.path("quantity").decimalValue().multiply(BigDecimal.valueOf(contractSize)).stripTrailingZeros());
                }
                position.set("pnl", position.path("unrealized_pnl"));
            }
            return JSON.writeValueAsBytes(items);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("the engine's positions are not a JSON array", ex);
        }
    }
}
