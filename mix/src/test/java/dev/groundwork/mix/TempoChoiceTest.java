package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TempoChoiceTest {
    /** The synthetic band (120 BPM at 44.1 kHz) declared at 80 % of the rate: the same audio is a band at 96 BPM. */
    static List<StemSource> bandAt96() {
        return SyntheticStems.band(24).stream().map(s -> {
            AudioBuffer a = ((MemoryStem) s).audio();
            float[][] ch = new float[a.channels()][];
            for (int c = 0; c < ch.length; c++) ch[c] = a.channel(c).clone();
            return (StemSource) new MemoryStem(s.name(), new AudioBuffer(ch, a.sampleRate() * 0.8));
        }).toList();
    }

    @Test
    void theDelayFollowsTheTempoOfTheDrumsWhenTheEstimateIsConfident() {
        MixPlan p = AutoMix.propose(AutoMix.analyze(bandAt96(), ProgressListener.NONE), MixSettings.defaults());
        assertNotNull(p.space().tempoBpm(), p.space().tempoReason());
        assertEquals(96, p.space().tempoBpm(), 0.96);
        assertTrue(p.space().tempoReason().startsWith("estimated from the drum stems (HiHat.wav, Kick.wav, Snare.wav)"), p.space().tempoReason());
        assertEquals(60_000 / p.space().tempoBpm() * 0.75, p.space().delayTimeMs(), 0.1);
        assertTrue(p.space().delayReason().contains("dotted eighth at " + String.format(java.util.Locale.ROOT, "%.1f", p.space().tempoBpm())),
                p.space().delayReason());
    }

    @Test
    void theProducersTempoWinsOverTheEstimate() {
        MixPlan p = AutoMix.propose(AutoMix.analyze(bandAt96(), ProgressListener.NONE), MixSettings.defaults().withTempo(140.0));
        assertEquals(140, p.space().tempoBpm());
        assertEquals("set by the producer", p.space().tempoReason());
        assertEquals(Math.round(60_000 / 140.0 * 0.75 * 10) / 10.0, p.space().delayTimeMs());
    }

    @Test
    void withoutAPulseTheDelayAssumes120AndSaysSo() {
        // Only the pad and the lead: no drums, and nothing that repeats steadily enough to trust.
        List<StemSource> stems = bandAt96().stream().filter(s -> s.name().equals("Pad.wav") || s.name().equals("LeadVox.wav")).toList();
        MixPlan p = AutoMix.propose(AutoMix.analyze(stems, ProgressListener.NONE), MixSettings.defaults());
        if (p.space().tempoBpm() == null) {
            assertTrue(p.space().tempoReason().startsWith("tempo unknown: the estimate from all stems (no drum stems)"), p.space().tempoReason());
            assertEquals(375.0, p.space().delayTimeMs());
        } else {
            // A confident estimate from tonal stems must still be the band's tempo (or its double or half).
            double r = p.space().tempoBpm() / 96;
            assertTrue(Math.abs(r - 1) < 0.01 || Math.abs(r - 2) < 0.02 || Math.abs(r - 0.5) < 0.005, p.space().tempoReason());
        }
    }
}
