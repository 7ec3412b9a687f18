package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.core.midi.MidiFileContent;
import dev.groundwork.core.midi.MidiFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MidiExportTest {
    @Test
    void theMidiFileCarriesTempoMeterKeyAndANamedTrackPerPart() {
        BeatPlan plan = BeatMaker.compose("uk drill 142 bpm F# minor 8 bars", 5);
        MidiFileContent m = MidiFiles.parse(BeatMaker.midi(plan).toBytes());
        assertEquals(1, m.fileType());
        assertEquals(142.0, m.tempoBpm(), 142.0 * 1e-6, "tempo exact to the file format's microsecond");
        assertEquals("4/4", m.timeSignature());
        assertEquals(3, m.keySharps()); // F# minor = A major's three sharps
        assertTrue(m.keyMinor());
        for (Part p : plan.parts()) {
            MidiFileContent.TrackContent t = m.track(p.name());
            assertEquals(p.notes().size(), t.notes().size(), p.name());
            if (p.role().pitched()) {
                assertEquals(p.midiProgram(), t.program());
                assertNotEquals(9, t.channel());
            } else {
                assertEquals(9, t.channel(), "drums on channel 10");
            }
        }
        MidiFileContent.TrackContent bass = m.track("bass");
        assertEquals(12, bass.pitchBendRangeSemitones(), "RPN 0 sets the bend range for glides");
        assertFalse(bass.bends().isEmpty());
        assertTrue(m.track("kick").notes().stream().allMatch(n -> n.key() == 36));
    }

    @Test
    void theLastNoteEndsWithinTheSong() {
        BeatPlan plan = BeatMaker.compose("house 124 bpm 8 bars", 2);
        MidiFileContent m = MidiFiles.parse(BeatMaker.midi(plan).toBytes());
        long end = 0;
        for (var t : m.tracks()) for (var n : t.notes()) end = Math.max(end, n.tick() + n.durationTicks());
        assertTrue(end <= Math.round(plan.totalBeats() * m.ppq()) + m.ppq() / 8, "last note-off " + end);
    }
}
