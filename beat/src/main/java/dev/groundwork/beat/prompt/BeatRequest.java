package dev.groundwork.beat.prompt;

import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Mode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prompt as understood. Open choices (tempo, key, length) are null and are settled by the
 * composer from the seed; everything the prompt fixed is a hard constraint.
 *
 * @param tempoBpm      tempo asked for, or null
 * @param tempoBias     -1..1 from tempo words and moods (slower .. faster), used when no number was given
 * @param tonic         pitch class asked for (C = 0), or null
 * @param mode          mode asked for or steered by mood, or null
 * @param modeExplicit  the prompt named the mode (so no mood may change it)
 * @param bars          length in bars, or null
 * @param seconds       length in seconds, or null (bars win if both are given)
 * @param structure     section names in order, or empty for the genre's form
 * @param swing         swing asked for (0.5..0.75), or null for the genre's
 * @param include       parts asked for ("with piano" adds chords)
 * @param exclude       parts left out ("no melody")
 * @param sounds        sound per part asked for ("with piano" → chords: piano, "heavy 808" → bass: 808)
 * @param heavy808      the 808 should be loud and driven
 * @param metre         time signature (4/4 unless the prompt asked for one the genre is played in)
 * @param reading       resolved reading, one line per understood phrase
 * @param ignored       words not understood
 * @param edits         arrangement moves asked for ("no hats in the intro", "key change before the last chorus"), in prompt order
 * @param slides        the bass should slide between notes more than the genre's own ("808 slides", "sliding 808s")
 * @param medium        the sound medium asked for ("vinyl crackle": {@code Feel.VINYL_TAPE}, "no crackle": {@code Feel.CLEAN}), or null for the genre's
 * @param variations    how many beats the prompt asks for ("3 versions"), 1..32, or null; the CLI's --variations wins
 */
public record BeatRequest(String prompt, Genre genre, boolean genreExplicit, Double tempoBpm, double tempoBias,
                          Integer tonic, Mode mode, boolean modeExplicit, List<Mood> moods,
                          Integer bars, Double seconds, List<String> structure, Double swing, boolean loop,
                          Set<String> include, Set<String> exclude, Map<String, String> sounds, boolean heavy808,
                          Metre metre, List<String> reading, List<String> ignored, List<SectionEdit> edits, String medium, boolean slides,
                          Integer variations) {
    public BeatRequest {
        moods = List.copyOf(moods);
        structure = List.copyOf(structure);
        // Sorted copies: Set.of/Map.of iterate in a per-JVM random order, which would break determinism.
        include = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(include));
        exclude = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(exclude));
        sounds = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sounds));
        if (metre == null) metre = Metre.FOUR_FOUR;
        reading = List.copyOf(reading);
        ignored = List.copyOf(ignored);
        edits = List.copyOf(edits);
    }
}
