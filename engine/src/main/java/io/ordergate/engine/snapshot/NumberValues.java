package io.ordergate.engine.snapshot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** How {@link GraphWriter} writes the boxed numbers and decimals it meets as values (a kind tag, then the number). */
final class NumberValues
{
    private NumberValues()
    {
    }

    static void write(final DataOutputStream out, final Object value) throws IOException
    {
        if (value instanceof Short)
        {
            out.writeByte(GraphWriter.SHORT);
            out.writeShort((Short)value);
        }
        else if (value instanceof Byte)
        {
            out.writeByte(GraphWriter.BYTE);
            out.writeByte((Byte)value);
        }
        else if (value instanceof Character)
        {
            out.writeByte(GraphWriter.CHAR);
            out.writeChar((Character)value);
        }
        else if (value instanceof Double)
        {
            out.writeByte(GraphWriter.DOUBLE);
            out.writeDouble((Double)value);
        }
        else if (value instanceof Float)
        {
            out.writeByte(GraphWriter.FLOAT);
            out.writeFloat((Float)value);
        }
        else if (value instanceof BigDecimal)
        {
            out.writeByte(GraphWriter.DECIMAL);
            out.writeUTF(value.toString());
        }
        else if (value instanceof BigInteger)
        {
            out.writeByte(GraphWriter.BIG_INTEGER);
            out.writeUTF(value.toString());
        }
        else
        {
            throw new IllegalStateException("no snapshot form for the value " + value.getClass().getName());
        }
    }
}
