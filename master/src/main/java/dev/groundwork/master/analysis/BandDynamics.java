package dev.groundwork.master.analysis;

/**
 * How a frequency band of the mid signal moves over time, measured on 186 ms frames (8192 samples at 44.1 kHz)
 * over the sounding part of a piece: {@code loudLevelDbfs} is the RMS level of its loudest 5 % of frames,
 * {@code crestDb} how far that lies above the band's mean level (a short-term crest factor: a booming bass line or
 * bursts of harsh cymbals read high, a steady pad low). The multiband stage decides from these.
 */
public record BandDynamics(String band, double loHz, double hiHz, double crestDb, double loudLevelDbfs) { }
