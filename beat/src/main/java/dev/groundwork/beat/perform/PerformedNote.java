package dev.groundwork.beat.perform;

/** A note as played: the score's note with the groove applied, in beats and in seconds. */
public record PerformedNote(double startBeats, double lengthBeats, double startSeconds, double lengthSeconds,
                            int pitch, int velocity, Integer glideFrom) { }
