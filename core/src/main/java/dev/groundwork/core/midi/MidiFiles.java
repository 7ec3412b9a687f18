package dev.groundwork.core.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads standard MIDI files into {@link MidiFileContent}; the input is treated as hostile. */
public final class MidiFiles {
    /** No real song's MIDI is near this; a larger file is refused before it is read into memory. */
    public static final long MAX_BYTES = 16L << 20;

    private MidiFiles() { }

    public static MidiFileContent read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new IllegalArgumentException(file.getFileName() + ": " + size + " bytes is too large for a MIDI file");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Walks the chunk headers before javax.sound.midi sees the file: every length must fit the real bytes. */
    static void checkChunks(byte[] b) {
        long headerLen = u32(b, 4);
        if (headerLen < 6 || 8 + headerLen > b.length) throw new IllegalArgumentException("MIDI header chunk has a bad length");
        int format = u16(b, 8), declared = u16(b, 10);
        if (format > 2) throw new IllegalArgumentException("unknown MIDI file format " + format);
        if (declared < 1) throw new IllegalArgumentException("MIDI file declares no tracks");
        long at = 8 + headerLen;
        int tracks = 0;
        while (at + 8 <= b.length) {
            long len = u32(b, (int) at + 4);
            if (at + 8 + len > b.length) throw new IllegalArgumentException("chunk at byte " + at + " claims " + len + " bytes past the end of the file");
            if (b[(int) at] == 'M' && b[(int) at + 1] == 'T' && b[(int) at + 2] == 'r' && b[(int) at + 3] == 'k') tracks++;
            at += 8 + len;
        }
        if (tracks < declared) throw new IllegalArgumentException("MIDI file declares " + declared + " tracks but holds " + tracks);
    }

    private static long u32(byte[] b, int i) {
        return ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL);
    }

    private static int u16(byte[] b, int i) { return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff); }

    public static MidiFileContent parse(byte[] bytes) {
        if (bytes.length < 14 || bytes[0] != 'M' || bytes[1] != 'T' || bytes[2] != 'h' || bytes[3] != 'd') {
            throw new IllegalArgumentException("not a standard MIDI file (no MThd header)");
        }
        checkChunks(bytes);
        Sequence seq;
        int type;
        try {
            MidiFileFormat fmt = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes));
            type = fmt.getType();
            seq = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable MIDI file (" + e.getMessage() + ")");
        }
        if (seq.getDivisionType() != Sequence.PPQ) throw new IllegalArgumentException("SMPTE-timed MIDI files are not supported");
        List<MidiFileContent.Tempo> tempos = new ArrayList<>();
        String timeSig = null;
        Integer sharps = null;
        Boolean minor = null;
        List<MidiFileContent.TrackContent> tracks = new ArrayList<>();
        for (javax.sound.midi.Track t : seq.getTracks()) {
            String name = null;
            int channel = -1, program = -1;
            Integer bendRange = null;
            int[] rpn = {127, 127};
            List<MidiFileContent.Note> notes = new ArrayList<>();
            List<MidiFileContent.Bend> bends = new ArrayList<>();
            Map<Integer, long[]> open = new HashMap<>(); // (channel<<7|key) -> {tick, velocity}
            for (int i = 0; i < t.size(); i++) {
                MidiEvent ev = t.get(i);
                MidiMessage m = ev.getMessage();
                long tick = ev.getTick();
                if (m instanceof MetaMessage mm) {
                    byte[] d = mm.getData();
                    switch (mm.getType()) {
                        case 0x03 -> { if (name == null) name = new String(d, StandardCharsets.UTF_8); }
                        case 0x51 -> { if (d.length == 3) tempos.add(new MidiFileContent.Tempo(tick, ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff))); }
                        case 0x58 -> { if (d.length >= 2 && timeSig == null) timeSig = (d[0] & 0xff) + "/" + (1 << Math.min(6, d[1] & 0xff)); }
                        case 0x59 -> { if (d.length == 2 && sharps == null) { sharps = (int) d[0]; minor = d[1] != 0; } }
                        default -> { }
                    }
                } else if (m instanceof ShortMessage sm) {
                    int ch = sm.getChannel();
                    int cmd = sm.getCommand();
                    if (cmd == ShortMessage.NOTE_ON || cmd == ShortMessage.NOTE_OFF) {
                        if (channel < 0) channel = ch;
                        int k = (ch << 7) | sm.getData1();
                        if (cmd == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                            open.put(k, new long[]{tick, sm.getData2()});
                        } else {
                            long[] on = open.remove(k);
                            if (on != null) notes.add(new MidiFileContent.Note(on[0], tick - on[0], sm.getData1(), (int) on[1], ch));
                        }
                    } else if (cmd == ShortMessage.PROGRAM_CHANGE) {
                        if (channel < 0) channel = ch;
                        program = sm.getData1();
                    } else if (cmd == ShortMessage.PITCH_BEND) {
                        bends.add(new MidiFileContent.Bend(tick, (sm.getData2() << 7) | sm.getData1()));
                    } else if (cmd == ShortMessage.CONTROL_CHANGE) {
                        switch (sm.getData1()) {
                            case 101 -> rpn[0] = sm.getData2();
                            case 100 -> rpn[1] = sm.getData2();
                            case 6 -> { if (rpn[0] == 0 && rpn[1] == 0) bendRange = sm.getData2(); }
                            default -> { }
                        }
                    }
                }
            }
            tracks.add(new MidiFileContent.TrackContent(name, channel, program, bendRange, List.copyOf(notes), List.copyOf(bends)));
        }
        return new MidiFileContent(type, seq.getResolution(), List.copyOf(tempos), timeSig, sharps, minor, List.copyOf(tracks));
    }
}
