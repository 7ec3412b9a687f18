package dev.groundwork.master.plan;

/** Output sample rate (the processing runs at this rate) and sample format ("16" dithered, "24", "32f"). */
public record DeliverStage(double sampleRateHz, String bits, String reason) {
    public DeliverStage {
        if (!(sampleRateHz >= 8000 && sampleRateHz <= 384000)) throw new IllegalArgumentException("delivery rate must be 8000..384000 Hz, not " + sampleRateHz);
        if (!(bits.equals("16") || bits.equals("24") || bits.equals("32f"))) throw new IllegalArgumentException("bits must be 16, 24 or 32f, not " + bits);
    }
}
