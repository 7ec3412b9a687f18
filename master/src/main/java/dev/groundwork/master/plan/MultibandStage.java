package dev.groundwork.master.plan;

import dev.groundwork.core.dsp.MultibandCompressor;
import dev.groundwork.master.analysis.BandDynamics;

import java.util.List;

/**
 * Optional three-band compression (Linkwitz-Riley crossovers, a gentle compressor per band), applied after the
 * stereo stage; {@code bands} are the measurements each band's setting rests on. Off unless asked for
 * ({@code --multiband} or a character that uses it). Stable plan key: {@code dynamics.multiband}.
 */
public record MultibandStage(boolean enabled, MultibandCompressor.Settings settings, List<BandDynamics> bands, String reason) {
    public MultibandStage {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    public static MultibandStage off(String reason) {
        return new MultibandStage(false, null, List.of(), reason);
    }
}
