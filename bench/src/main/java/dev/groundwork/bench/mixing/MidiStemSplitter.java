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
 * <p>Usage: {@code split-midi SONG.mid OUT_DIR}; prints the stem files written, one per line.
 */
public final class MidiStemSplitter {
    private static final int DRUM_CHANNEL = 9;
    private static final String[] GM_FAMILIES = {
        "piano", "chromatic", "organ", "guitar", "bass", "strings", "ensemble", "brass",
        "reed", "pipe", "synthlead", "synthpad", "synthfx", "ethnic", "percussive", "sfx"};

    private MidiStemSplitter() { }

    public static void main(String[] args) throws IOException, InvalidMidiDataException {
        if (args.length != 2) {
            System.err.println("usage: split-midi SONG.mid OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (Map.Entry<String, Sequence> stem : split(MidiSystem.getSequence(Path.of(args[0]).toFile())).entrySet()) {
            Path file = out.resolve(stem.getKey() + ".mid");
            MidiSystem.write(stem.getValue(), 1, file.toFile());
            System.out.println(file);
        }
    }

    /** Stem name to a two-track sequence (shared meta/sysex events, then the stem's own events). */
    static Map<String, Sequence> split(Sequence song) throws InvalidMidiDataException {
        List<MidiEvent> shared = new ArrayList<>();
        List<List<MidiEvent>> byChannel = new ArrayList<>();
        for (int c = 0; c < 16; c++) byChannel.add(new ArrayList<>());
        int[] program = new int[16];
        boolean[] sounds = new boolean[16];
        for (Track track : song.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
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
                    if (any) stems.put(String.format(Locale.ROOT, "ch10-drums-%s", group), sequence(song, shared, events));
                }
            } else {
                String name = String.format(Locale.ROOT, "ch%02d-%s", c + 1, GM_FAMILIES[program[c] / 8]);
                stems.put(name, sequence(song, shared, byChannel.get(c)));
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

    private static Sequence sequence(Sequence song, List<MidiEvent> shared, List<MidiEvent> own) throws InvalidMidiDataException {
        Sequence s = new Sequence(song.getDivisionType(), song.getResolution());
        Track meta = s.createTrack();
        for (MidiEvent e : shared) meta.add(new MidiEvent(e.getMessage(), e.getTick()));
        Track track = s.createTrack();
        for (MidiEvent e : own) track.add(new MidiEvent(e.getMessage(), e.getTick()));
        return s;
    }
}
