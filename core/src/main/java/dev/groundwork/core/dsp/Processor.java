package dev.groundwork.core.dsp;

import dev.groundwork.core.audio.AudioBuffer;

/**
 * A block processor in the style of JUCE's juce_dsp: prepare once, process blocks, reset between files.
 * {@code in} may be the same object as {@code out} (in-place processing). Coefficients are derived on
 * prepare or on a settings change, never per sample.
 */
public interface Processor {
    void prepare(ProcessSpec spec);

    void reset();

    void process(AudioBuffer in, AudioBuffer out);

    /** Delay in frames that this processor adds (look-ahead limiters, linear-phase filters). */
    default int latencyFrames() { return 0; }
}
