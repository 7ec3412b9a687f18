package dev.groundwork.master.plan;

import dev.groundwork.core.audio.AudioFiles;

/** Output sample rate (the processing runs at this rate) and sample format ("16" dithered, "24", "32f"). */
public record DeliverStage(double sampleRateHz, String bits, String reason) {
    public DeliverStage {
        // a plan read back is held to what the writers accept, as --rate is
        if (!AudioFiles.isWritableRate(sampleRateHz)) {
            throw new IllegalArgumentException("delivery rate must be a whole number of Hz from 8000 to 192000, not " + sampleRateHz);
        }
        if (!(bits.equals("16") || bits.equals("24") || bits.equals("32f"))) throw new IllegalArgumentException("bits must be 16, 24 or 32f, not " + bits);
    }
}
