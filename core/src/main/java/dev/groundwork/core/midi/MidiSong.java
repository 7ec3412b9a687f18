package dev.groundwork.core.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a type-1 standard MIDI file: a conductor track (tempo, time and key signature) and one
 * named track per part with its GM program. Events are sorted once when the file is built
 * (note-offs before note-ons at the same tick), so the same calls always give the same bytes.
 */
public final class MidiSong {
    /** GM drums live on channel 10, which is index 9. */
    public static final int DRUM_CHANNEL = 9;

    private final int ppq;
    private double tempoBpm = 120;
    private int tsNumerator = 4, tsDenominator = 4, tsClocksPerClick = 24;
    private int keySharps = 0;
    private boolean keyMinor = false;
    private final List<Track> tracks = new ArrayList<>();

    public MidiSong(int ppq) {
        if (ppq < 24 || ppq > 32767) throw new IllegalArgumentException("ticks per quarter must be 24..32767: " + ppq);
        this.ppq = ppq;
    }

    public int ppq() { return ppq; }

    public MidiSong tempo(double bpm) {
        if (!(bpm >= 4 && bpm <= 1000)) throw new IllegalArgumentException("tempo out of range: " + bpm);
        this.tempoBpm = bpm;
        return this;
    }

    public MidiSong timeSignature(int numerator, int denominator) { return timeSignature(numerator, denominator, 24); }

    /** With the metronome click in MIDI clocks (24 a quarter note; 36, a dotted quarter, for 6/8 and 12/8). */
    public MidiSong timeSignature(int numerator, int denominator, int clocksPerClick) {
        if (numerator < 1 || numerator > 32 || Integer.bitCount(denominator) != 1 || denominator > 64) {
            throw new IllegalArgumentException("bad time signature " + numerator + "/" + denominator);
        }
        if (clocksPerClick < 1 || clocksPerClick > 127) throw new IllegalArgumentException("bad metronome click " + clocksPerClick);
        tsNumerator = numerator;
        tsDenominator = denominator;
        tsClocksPerClick = clocksPerClick;
        return this;
    }

    /** Key signature: sharps (positive) or flats (negative), -7..7, and major or minor. */
    public MidiSong keySignature(int sharps, boolean minor) {
        if (sharps < -7 || sharps > 7) throw new IllegalArgumentException("key signature must be -7..7: " + sharps);
        keySharps = sharps;
        keyMinor = minor;
        return this;
    }

    /** Adds a named track on a channel (0-15) with a GM program (0-127, or -1 for none, e.g. drums). */
    public Track addTrack(String name, int channel, int program) {
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("channel must be 0..15: " + channel);
        if (program < -1 || program > 127) throw new IllegalArgumentException("program must be 0..127: " + program);
        Track t = new Track(name, channel, program);
        tracks.add(t);
        return t;
    }

    public long ticks(double beats) { return Math.round(beats * ppq); }

    /** One part's events. */
    public final class Track {
        private final String name;
        private final int channel;
        private final int program;
        private final List<Ev> events = new ArrayList<>();
        private int order;

        private Track(String name, int channel, int program) {
            this.name = name;
            this.channel = channel;
            this.program = program;
        }

        public Track note(long tick, long durationTicks, int key, int velocity) {
            if (key < 0 || key > 127) throw new IllegalArgumentException("note out of range: " + key);
            int vel = Math.max(1, Math.min(127, velocity));
            long start = Math.max(0, tick);
            long end = start + Math.max(1, durationTicks);
            events.add(new Ev(start, 2, order++, shortMsg(ShortMessage.NOTE_ON, key, vel)));
            events.add(new Ev(end, 0, order++, shortMsg(ShortMessage.NOTE_OFF, key, 0)));
            return this;
        }

        /** RPN 0 (pitch-bend sensitivity) so a synthesizer bends by the range the glides were written for. */
        public Track pitchBendRange(int semitones) {
            if (semitones < 1 || semitones > 24) throw new IllegalArgumentException("bend range must be 1..24: " + semitones);
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 101, 0)));
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 100, 0)));
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 6, semitones)));
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 38, 0)));
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 101, 127)));
            events.add(new Ev(0, 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, 100, 127)));
            return this;
        }

        /** Pitch bend as a fraction of the range, -1..1 (0 = centre). */
        public Track pitchBend(long tick, double fraction) {
            int v = (int) Math.round(8192 + Math.max(-1, Math.min(1, fraction)) * 8191);
            events.add(new Ev(Math.max(0, tick), 1, order++, shortMsg(ShortMessage.PITCH_BEND, v & 0x7f, (v >> 7) & 0x7f)));
            return this;
        }

        public Track controlChange(long tick, int controller, int value) {
            events.add(new Ev(Math.max(0, tick), 1, order++, shortMsg(ShortMessage.CONTROL_CHANGE, controller, value)));
            return this;
        }

        private ShortMessage shortMsg(int command, int d1, int d2) {
            try {
                return new ShortMessage(command, channel, d1, d2);
            } catch (InvalidMidiDataException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** An event with a sort rank: at one tick note-offs (0) come before controllers/bends (1) before note-ons (2). */
    private record Ev(long tick, int rank, int order, MidiMessage message) { }

    private static final Comparator<Ev> EVENT_ORDER =
            Comparator.comparingLong(Ev::tick).thenComparingInt(Ev::rank).thenComparingInt(Ev::order);

    public Sequence toSequence() {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, ppq);
            javax.sound.midi.Track conductor = seq.createTrack();
            conductor.add(new MidiEvent(meta(0x03, "tempo".getBytes(StandardCharsets.US_ASCII)), 0));
            int mpq = (int) Math.round(60_000_000.0 / tempoBpm);
            conductor.add(new MidiEvent(meta(0x51, new byte[]{(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq}), 0));
            conductor.add(new MidiEvent(meta(0x58, new byte[]{(byte) tsNumerator,
                    (byte) Integer.numberOfTrailingZeros(tsDenominator), (byte) tsClocksPerClick, 8}), 0));
            conductor.add(new MidiEvent(meta(0x59, new byte[]{(byte) keySharps, (byte) (keyMinor ? 1 : 0)}), 0));
            for (Track t : tracks) {
                javax.sound.midi.Track mt = seq.createTrack();
                mt.add(new MidiEvent(meta(0x03, t.name.getBytes(StandardCharsets.UTF_8)), 0));
                if (t.program >= 0) {
                    mt.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, t.channel, t.program, 0), 0));
                }
                List<Ev> sorted = new ArrayList<>(t.events);
                sorted.sort(EVENT_ORDER);
                for (Ev e : sorted) mt.add(new MidiEvent(e.message, e.tick));
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("cannot build MIDI: " + e.getMessage(), e);
        }
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(toSequence(), 1, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes through a temporary file in the same folder, moved into place. */
    public void write(Path file) {
        byte[] bytes = toBytes();
        try {
            Path tmp = dev.groundwork.core.io.SiblingTempFile.create(file);
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName() + ": " + dev.groundwork.core.io.IoErrors.reason(e), e);
        }
    }

    private static MetaMessage meta(int type, byte[] data) throws InvalidMidiDataException {
        return new MetaMessage(type, data, data.length);
    }

    /** Sharps/flats count of a major key whose tonic is the pitch class (C = 0), preferring the common spelling. */
    public static int sharpsForMajorTonic(int pitchClass) {
        int[] table = {0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};
        return table[Math.floorMod(pitchClass, 12)];
    }
}
