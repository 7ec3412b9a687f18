package dev.groundwork.core.analysis;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Level of one frequency band: {@code levelDb} is the band's power relative to a full-scale sine
 * (a 1 kHz sine of peak amplitude −6 dBFS reads −6 dB in the 1 kHz band); −infinity (JSON null) when
 * the band holds no energy.
 */
public record BandLevel(double centerHz, double lowerHz, double upperHz,
                        @JsonDeserialize(using = NullAsMinusInfinity.class) double levelDb) { }
