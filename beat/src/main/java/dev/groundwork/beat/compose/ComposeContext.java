package dev.groundwork.beat.compose;

import dev.groundwork.beat.plan.Chord;
import dev.groundwork.beat.plan.Feel;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Section;
import dev.groundwork.beat.style.Genre;
import dev.groundwork.beat.theory.Key;

import java.util.List;

/** What every part writer may read: the locked skeleton of the song (form, harmony, the kick). */
public record ComposeContext(Genre genre, Key key, Feel feel, int bars, List<Section> sections, List<Chord> chords,
                             List<Note> kickNotes) {
    public Section sectionAtBar(int bar) {
        for (Section s : sections) if (bar >= s.startBar() && bar < s.endBar()) return s;
        return sections.get(sections.size() - 1);
    }

    public Key keyAtBar(int bar) { return key.transpose(sectionAtBar(bar).transposeSemitones()); }

    public Chord chordAtBar(int bar) { return chords.get(Math.max(0, Math.min(chords.size() - 1, bar))); }

    /** Bar index within its section. */
    public int barInSection(int bar) { return bar - sectionAtBar(bar).startBar(); }

    public boolean phraseEnd(int bar) {
        Section s = sectionAtBar(bar);
        int i = bar - s.startBar();
        return i % 4 == 3 || bar == s.endBar() - 1;
    }
}
