package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.plan.Metre;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.DrumStyle;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.style.MetreDrums;
import dev.groundwork.beat.theory.Key;

import java.util.List;

/** What every part writer may read: the locked skeleton of the song (metre, form, harmony, the kick). */
public record ComposeContext(Genre genre, Metre metre, Key key, Feel feel, int bars, List<Section> sections, List<Chord> chords,
                             List<Note> kickNotes) {
    public Section sectionAtBar(int bar) {
        for (Section s : sections) if (bar >= s.startBar() && bar < s.endBar()) return s;
        return sections.get(sections.size() - 1);
    }

    public Key keyAtBar(int bar) { return key.transpose(sectionAtBar(bar).transposeSemitones()); }

    /** The chord at the start of a bar. */
    public Chord chordAtBar(int bar) { return Chord.at(chords, bar, 0); }

    /** The chord sounding at a point of a bar (quarter notes from the bar line). */
    public Chord chordAt(int bar, double beatInBar) { return Chord.at(chords, bar, beatInBar); }

    /** Where a chord changes inside a bar (after its start), or -1 if the bar has one chord. */
    public double changeInBar(int bar) {
        Chord second = Chord.at(chords, bar, barBeats());
        return second.bar() == bar && second.beat() > 0 ? second.beat() : -1;
    }

    public double barBeats() { return metre.barBeats(); }

    public double barStart(int bar) { return bar * metre.barBeats(); }

    /** The drum grammar of the genre in this metre. */
    public DrumStyle drums() { return MetreDrums.of(genre, metre); }

    /** Bar index within its section. */
    public int barInSection(int bar) { return bar - sectionAtBar(bar).startBar(); }

    public boolean phraseEnd(int bar) {
        Section s = sectionAtBar(bar);
        int i = bar - s.startBar();
        return i % 4 == 3 || bar == s.endBar() - 1;
    }
}
