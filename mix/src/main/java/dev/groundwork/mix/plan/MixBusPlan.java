package dev.groundwork.mix.plan;

/**
 * The mix bus: a trim that brings the predicted mix loudness to a working level, and a peak ceiling the
 * render never exceeds (if the rendered peak would, the whole mix is turned down, never clipped or limited).
 */
public record MixBusPlan(double trimDb, double predictedLufs, double targetLufs, double peakCeilingDbfs, String reason) { }
