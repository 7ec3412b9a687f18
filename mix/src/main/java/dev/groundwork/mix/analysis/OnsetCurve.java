package dev.groundwork.mix.analysis;

/** A stem's onset strength per hop ({@link dev.groundwork.core.analysis.OnsetEnvelope}), kept for the tempo estimate. */
public record OnsetCurve(float[] envelope, double frameRate) { }
