package dev.groundwork.bench.mixing;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a General MIDI song into one MIDI file per instrument, so that a synthesizer renders the
 * stems of a multitrack whose known good mix is the composer's own: each stem keeps its channel's
 * program, volume (CC 7), expression (CC 11) and pan (CC 10) events. Drums (channel 10) are split
 * further into kick, snare, cymbals and toms/percussion, as a drummer's multitrack would be.
 *
 * <p>Usage: {@code split-midi SONG.mid OUT_DIR [SECONDS]}; prints the stem files written, one per line.
 * With SECONDS, the song is cut there (game music loops for many minutes): later events are dropped
 * and every channel gets "all notes off" at the cut, so the synthesizer's release tails end the stems.
 */
public final class MidiStemSplitter {
    private static final int DRUM_CHANNEL = 9;
    private static final String[] GM_FAMILIES = {
        "piano", "chromatic", "organ", "guitar", "bass", "strings", "ensemble", "brass",
        "reed", "pipe", "synthlead", "synthpad", "synthfx", "ethnic", "percussive", "sfx"};

    private MidiStemSplitter() { }

    public static void main(String[] args) throws IOException, InvalidMidiDataException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: split-midi SONG.mid OUT_DIR [SECONDS]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Sequence song = MidiSystem.getSequence(Path.of(args[0]).toFile());
        long limit = args.length == 3 ? tickAt(song, Double.parseDouble(args[2])) : Long.MAX_VALUE;
        for (Map.Entry<String, Sequence> stem : split(song, limit).entrySet()) {
            Path file = out.resolve(stem.getKey() + ".mid");
            MidiSystem.write(stem.getValue(), 1, file.toFile());
            System.out.println(file);
        }
    }

    /** Stem name to a two-track sequence (shared meta/sysex events, then the stem's own events). */
    static Map<String, Sequence> split(Sequence song, long limitTick) throws InvalidMidiDataException {
        List<MidiEvent> shared = new ArrayList<>();
        List<List<MidiEvent>> byChannel = new ArrayList<>();
        for (int c = 0; c < 16; c++) byChannel.add(new ArrayList<>());
        int[] program = new int[16];
        boolean[] sounds = new boolean[16];
        for (Track track : song.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (e.getTick() > limitTick) continue;
                MidiMessage m = e.getMessage();
                if (m instanceof ShortMessage s) {
                    byChannel.get(s.getChannel()).add(e);
                    if (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) sounds[s.getChannel()] = true;
                    if (s.getCommand() == ShortMessage.PROGRAM_CHANGE && program[s.getChannel()] == 0) {
                        program[s.getChannel()] = s.getData1();
                    }
                } else if (m instanceof SysexMessage || (m instanceof MetaMessage meta && meta.getType() != 0x2F)) {
                    shared.add(e);
                }
            }
        }
        Map<String, Sequence> stems = new LinkedHashMap<>();
        for (int c = 0; c < 16; c++) {
            if (!sounds[c]) continue;
            if (c == DRUM_CHANNEL) {
                for (String group : new String[] {"kick", "snare", "cymbals", "toms-perc"}) {
                    List<MidiEvent> events = new ArrayList<>();
                    boolean any = false;
                    for (MidiEvent e : byChannel.get(c)) {
                        ShortMessage s = (ShortMessage) e.getMessage();
                        boolean note = s.getCommand() == ShortMessage.NOTE_ON || s.getCommand() == ShortMessage.NOTE_OFF;
                        if (!note) events.add(e);
                        else if (drumGroup(s.getData1()).equals(group)) {
                            events.add(e);
                            any |= s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0;
                        }
                    }
                    if (any) stems.put(String.format(Locale.ROOT, "ch10-drums-%s", group), sequence(song, shared, events, c, limitTick));
                }
            } else {
                String name = String.format(Locale.ROOT, "ch%02d-%s", c + 1, GM_FAMILIES[program[c] / 8]);
                stems.put(name, sequence(song, shared, byChannel.get(c), c, limitTick));
            }
        }
        return stems;
    }

    static String drumGroup(int note) {
        return switch (note) {
            case 35, 36 -> "kick";
            case 37, 38, 39, 40 -> "snare";
            case 42, 44, 46, 49, 51, 52, 53, 55, 57, 59 -> "cymbals";
            default -> "toms-perc";
        };
    }

    /** The tick reached after {@code seconds}, following the song's tempo changes (PPQ timing). */
    static long tickAt(Sequence song, double seconds) {
        if (song.getDivisionType() != Sequence.PPQ) {
            return (long) (seconds * song.getDivisionType() * song.getResolution());
        }
        java.util.TreeMap<Long, Integer> tempo = new java.util.TreeMap<>();
        tempo.put(0L, 500_000);
        for (Track t : song.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
                    byte[] d = m.getData();
                    tempo.put(t.get(i).getTick(), ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff));
                }
            }
        }
        double left = seconds;
        long tick = 0;
        int usPerQuarter = 500_000;
        for (Map.Entry<Long, Integer> change : tempo.entrySet()) {
            double span = (change.getKey() - tick) * usPerQuarter / 1e6 / song.getResolution();
            if (span >= left) break;
            left -= span;
            tick = change.getKey();
            usPerQuarter = change.getValue();
        }
        return tick + (long) (left * 1e6 / usPerQuarter * song.getResolution());
    }

    private static Sequence sequence(Sequence song, List<MidiEvent> shared, List<MidiEvent> own, int channel, long limitTick)
            throws InvalidMidiDataException {
        Sequence s = new Sequence(song.getDivisionType(), song.getResolution());
        Track meta = s.createTrack();
        for (MidiEvent e : shared) meta.add(new MidiEvent(e.getMessage(), e.getTick()));
        Track track = s.createTrack();
        for (MidiEvent e : own) track.add(new MidiEvent(e.getMessage(), e.getTick()));
        if (limitTick != Long.MAX_VALUE) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 123, 0), limitTick));
        }
        return s;
    }
}
