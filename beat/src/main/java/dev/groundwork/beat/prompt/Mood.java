package dev.groundwork.beat.prompt;

import dev.groundwork.beat.theory.Mode;

import java.util.List;

/**
 * A mood word and how it steers the beat: mode (when no key was given), density, register,
 * brightness, saturation and tempo within the genre's range (-1 slower .. +1 faster).
 */
public enum Mood {
    DARK(List.of("dark", "moody", "gloomy", "night", "nocturnal"), Mode.MINOR, -0.1, -3, -0.25, 0.10, 0),
    CHILL(List.of("chill", "relaxed", "relaxing", "study", "studying", "mellow", "laid back", "laid-back", "calm", "peaceful", "soft"), null, -0.2, 0, -0.1, -0.1, -0.6),
    HAPPY(List.of("happy", "upbeat", "uplifting", "bright", "sunny", "summer", "summery", "joyful", "positive", "feel good", "feel-good"), Mode.MAJOR, 0.1, 2, 0.2, 0, 0.5),
    AGGRESSIVE(List.of("aggressive", "hard hitting", "hard-hitting", "hard", "angry", "distorted", "hype", "energetic", "intense", "gritty", "raw"), Mode.MINOR, 0.3, 0, 0.1, 0.4, 0.8),
    SAD(List.of("sad", "ballad", "melancholic", "melancholy", "emotional", "heartbreak", "lonely", "somber", "sombre", "nostalgic"), Mode.MINOR, -0.1, 0, -0.15, 0, -0.6),
    DREAMY(List.of("dreamy", "ethereal", "floaty", "atmospheric", "ambient", "spacey", "spacy", "hazy"), Mode.LYDIAN, -0.2, 3, 0.1, -0.1, -0.3),
    EERIE(List.of("eerie", "spooky", "sinister", "evil", "menacing", "creepy", "haunting", "horror"), Mode.PHRYGIAN, 0, -2, -0.3, 0.1, 0),
    JAZZY(List.of("jazzy", "jazz", "soulful", "funky", "smooth"), Mode.DORIAN, 0, 0, 0, 0, 0),
    BOUNCY(List.of("bouncy", "groovy", "playful", "danceable"), null, 0.15, 0, 0.1, 0, 0.4),
    EPIC(List.of("epic", "cinematic", "orchestral", "triumphant", "anthemic"), Mode.MINOR, 0.1, 0, 0.15, 0.1, 0),
    WARM(List.of("warm", "lush", "cozy", "cosy", "analog", "analogue"), null, 0, 0, -0.2, 0.05, 0),
    SPARSE(List.of("minimal", "sparse", "simple", "stripped", "stripped back", "stripped-back"), null, -0.35, 0, 0, 0, 0),
    BUSY(List.of("busy", "dense", "complex", "full", "driving", "pumping"), null, 0.3, 0, 0, 0, 0),
    /** Brighter and higher, with fewer notes: the render has no reverb to send to, so the space is left between the notes. */
    AIRY(List.of("airy", "breezy", "breathy", "weightless"), null, -0.15, 2, 0.2, -0.1, 0),
    // The three below steer the part writers by name (plan.Feel.MELODIC, ROLLING, HYPNOTIC); their numbers are small.
    MELODIC(List.of("melodic", "melodious", "tuneful"), null, 0, 0, 0, 0, 0),
    ROLLING(List.of("rolling", "rollin"), null, 0.1, 0, 0, 0, 0),
    HYPNOTIC(List.of("hypnotic", "repetitive", "mesmerizing", "mesmerising"), null, -0.1, 0, 0, 0, 0);

    public final List<String> words;
    /** Mode suggested when the prompt names no mode; null leaves the genre's. */
    public final Mode mode;
    public final double density, brightness, drive, tempoBias;
    public final int register;

    Mood(List<String> words, Mode mode, double density, int register, double brightness, double drive, double tempoBias) {
        this.words = words;
        this.mode = mode;
        this.density = density;
        this.register = register;
        this.brightness = brightness;
        this.drive = drive;
        this.tempoBias = tempoBias;
    }
}
