package dev.groundwork.beat.prompt;

/**
 * An arrangement move the prompt asked for, applied to the composed plan with the same edits the CLI's
 * {@code --drop}, {@code --add} and {@code --transpose} make ("no hats in the intro", "add perc in the hook", "melody only in the hook",
 * "key change up a whole step before the last chorus").
 *
 * @param kind       what to do
 * @param part       the part to drop, add or keep to the sections (null for a key change)
 * @param semitones  the key change (0 unless {@link Kind#TRANSPOSE})
 * @param selector   the sections, as {@code BeatMaker.select} reads them: "intro", "hook:last", "verse:2"
 * @param phrase     the words of the prompt it came from, for the plan's reading
 */
public record SectionEdit(Kind kind, String part, int semitones, String selector, String phrase) {
    /** ONLY keeps the part to the sections ("melody only in the hook"): out of the others, into these. */
    public enum Kind { DROP, ADD, ONLY, TRANSPOSE }
}
