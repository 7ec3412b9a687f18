package dev.groundwork.beat.render;

import dev.groundwork.beat.perform.PerformedNote;
import dev.groundwork.beat.perform.Performer;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.core.midi.MidiSong;

import java.util.List;

/**
 * The plan as a type-1 MIDI file: tempo, time signature (a dotted-quarter click in 6/8 and 12/8), key signature, one named track per part with its GM
 * program (drums on channel 10), the groove baked into note timing, and 808 glides as pitch bends
 * after an RPN 0 bend-range message (GM's default of 2 semitones is too narrow for glides).
 */
public final class MidiExport {
    public static final int PPQ = 960;
    public static final int BEND_RANGE = 12;

    private MidiExport() { }

    public static MidiSong toMidi(BeatPlan plan) {
        MidiSong song = new MidiSong(PPQ).tempo(plan.tempoBpm()).timeSignature(plan.metre().numerator(), plan.metre().denominator(), plan.metre().midiClocksPerClick())
                .keySignature(plan.key().signatureSharps(), plan.key().mode().isMinorFamily());
        double spb = plan.secondsPerBeat();
        for (Part part : plan.parts()) {
            MidiSong.Track t = song.addTrack(part.name(), part.midiChannel(), part.midiProgram());
            List<PerformedNote> notes = Performer.perform(plan, part);
            boolean glides = notes.stream().anyMatch(n -> n.glideFrom() != null);
            if (glides) t.pitchBendRange(BEND_RANGE);
            for (int i = 0; i < notes.size(); i++) {
                PerformedNote n = notes.get(i);
                long tick = song.ticks(n.startBeats());
                // A note ends before the next one of the same pitch starts: overlapping same-key notes are ambiguous in MIDI.
                long dur = Math.max(1, song.ticks(n.lengthBeats()));
                for (int j = i + 1; j < notes.size(); j++) {
                    long next = song.ticks(notes.get(j).startBeats());
                    if (notes.get(j).pitch() == n.pitch() && next >= tick) {
                        dur = Math.max(1, Math.min(dur, next - tick));
                        break;
                    }
                }
                if (n.glideFrom() != null) {
                    double glideBeats = Math.min(0.09, n.lengthSeconds() * 0.5) / spb;
                    for (int k = 0; k <= 8; k++) {
                        double frac = (n.glideFrom() - n.pitch()) / (double) BEND_RANGE * (1 - k / 8.0);
                        t.pitchBend(tick + song.ticks(glideBeats * k / 8), frac);
                    }
                }
                t.note(tick, dur, n.pitch(), n.velocity());
            }
        }
        return song;
    }
}
