package dev.groundwork.core.analysis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/**
 * Reads a level in dB whose JSON null means "no signal": −infinity, as it was before it was written
 * (the shared JSON dialect writes non-finite numbers as null).
 */
final class NullAsMinusInfinity extends StdDeserializer<Double> {
    NullAsMinusInfinity() {
        super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.getDoubleValue();
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
        return Double.NEGATIVE_INFINITY;
    }
}
