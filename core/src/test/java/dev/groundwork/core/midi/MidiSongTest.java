package dev.groundwork.core.midi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MidiSongTest {
    @Test
    void aTypeOneFileRoundTripsTempoSignaturesTracksNotesAndBendRange(@TempDir Path dir) {
        MidiSong song = new MidiSong(480).tempo(137.5).timeSignature(4, 4).keySignature(-4, true);
        MidiSong.Track bass = song.addTrack("bass", 0, 38).pitchBendRange(12);
        bass.pitchBend(0, -0.5).note(0, 480, 29, 100).pitchBend(240, 0);
        song.addTrack("kick", MidiSong.DRUM_CHANNEL, -1).note(0, 120, 36, 110).note(480, 120, 36, 90);
        Path f = dir.resolve("x.mid");
        song.write(f);
        MidiFileContent m = MidiFiles.read(f);
        assertEquals(1, m.fileType());
        assertEquals(480, m.ppq());
        assertEquals(137.5, m.tempoBpm(), 137.5 * 1e-6);
        assertEquals("4/4", m.timeSignature());
        assertEquals(-4, m.keySharps());
        assertTrue(m.keyMinor());
        MidiFileContent.TrackContent b = m.track("bass");
        assertEquals(38, b.program());
        assertEquals(12, b.pitchBendRangeSemitones());
        assertEquals(2, b.bends().size());
        assertEquals(new MidiFileContent.Note(0, 480, 29, 100, 0), b.notes().get(0));
        MidiFileContent.TrackContent k = m.track("kick");
        assertEquals(9, k.channel());
        assertEquals(2, k.notes().size());
        assertArrayEquals(song.toBytes(), song.toBytes(), "same calls, same bytes");
    }

    @Test
    void aBackToBackNoteOnTheSameKeyEndsBeforeTheNextStarts() {
        MidiSong song = new MidiSong(96);
        song.addTrack("hats", 9, -1).note(0, 24, 42, 80).note(24, 24, 42, 80);
        MidiFileContent m = MidiFiles.parse(song.toBytes());
        assertEquals(2, m.track("hats").notes().size());
        assertEquals(24, m.track("hats").notes().get(1).tick());
    }

    @Test
    void hostileFilesEndInAClearError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mid");
        Files.write(junk, new byte[]{'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0x7f, 0x7f, 0, 96, 'M', 'T', 'r', 'k', 0x7f, 0x7f, 0x7f, 0x7f});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MidiFiles.read(junk));
        assertTrue(e.getMessage().startsWith("junk.mid:"), e.getMessage());
        Path text = dir.resolve("text.mid");
        Files.writeString(text, "hello");
        assertThrows(IllegalArgumentException.class, () -> MidiFiles.read(text));
        assertThrows(IllegalArgumentException.class, () -> new MidiSong(480).addTrack("x", 16, 0));
    }
}
