package dev.groundwork.studio.media;

/** An uploaded file that passed the audio check, with the path the page uses to refer to it. */
public record StoredAudio(String name, String path, String format, double sampleRateHz, int channels, double durationSeconds, long bytes) { }
