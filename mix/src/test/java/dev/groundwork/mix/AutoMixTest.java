package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.json.Json;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.render.MixRenderer;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AutoMixTest {
    static final double SECONDS = 8;
    static List<StemSource> band;
    static MixPlan plan;
    static AudioBuffer mix;

    @BeforeAll
    static void mixOnce() {
        band = SyntheticStems.band(SECONDS);
        plan = AutoMix.propose(AutoMix.analyze(band, ProgressListener.NONE), MixSettings.defaults());
        mix = MixRenderer.renderToMemory(plan, band);
    }

    /** Level of the difference between two renders relative to the first, in dB. */
    static double differenceDb(AudioBuffer a, AudioBuffer b) {
        assertEquals(a.frames(), b.frames());
        double e = 0, d = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a.frames(); i++) {
                double x = a.channel(c)[i], y = b.channel(c)[i];
                e += x * x;
                d += (x - y) * (x - y);
            }
        }
        return 10 * Math.log10(d / e + 1e-30);
    }

    @Test
    void changingOneStemsInputGainDoesNotChangeTheMix() {
        List<StemSource> louder = new ArrayList<>();
        for (StemSource s : band) {
            AudioBuffer a = ((MemoryStem) s).audio();
            louder.add(new MemoryStem(s.name(), s.name().startsWith("Bass") ? SyntheticStems.scaled(a, 9) : a));
        }
        MixPlan p2 = AutoMix.propose(AutoMix.analyze(louder, ProgressListener.NONE), MixSettings.defaults());
        assertEquals(plan.gainDbOf("Bass.wav") - 9, p2.gainDbOf("Bass.wav"), 0.05);
        AudioBuffer m2 = MixRenderer.renderToMemory(p2, louder);
        // "Within 0.1 dB": the difference must be at least 38 dB under the mix (a 0.1 dB gain error is -38.8 dB).
        assertTrue(differenceDb(mix, m2) < -38.8, "difference " + differenceDb(mix, m2) + " dB");
    }

    @Test
    void shufflingTheStemOrderGivesTheSameSamples() {
        List<StemSource> shuffled = new ArrayList<>(band);
        Collections.shuffle(shuffled, new Random(7));
        MixPlan p2 = AutoMix.propose(AutoMix.analyze(shuffled, ProgressListener.NONE), MixSettings.defaults());
        assertEquals(Json.write(plan), Json.write(p2));
        AudioBuffer m2 = MixRenderer.renderToMemory(p2, shuffled);
        for (int c = 0; c < 2; c++) assertArrayEquals(mix.channel(c), m2.channel(c));
    }

    @Test
    void aPlanReadBackFromJsonRendersTheSameSamples() {
        String json = Json.write(plan);
        MixPlan back;
        try {
            back = Json.MAPPER.readValue(json, MixPlan.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(json, Json.write(back));
        AudioBuffer m2 = MixRenderer.renderToMemory(back, band);
        for (int c = 0; c < 2; c++) assertArrayEquals(mix.channel(c), m2.channel(c));
    }

    @Test
    void scrambledInputLevelsAreUndoneToTheSamePlannedLoudness() {
        Random r = new Random(3);
        List<StemSource> scrambled = new ArrayList<>();
        double[] offsets = new double[band.size()];
        for (int i = 0; i < band.size(); i++) {
            offsets[i] = -12 + 24 * r.nextDouble();
            scrambled.add(new MemoryStem(band.get(i).name(), SyntheticStems.scaled(((MemoryStem) band.get(i)).audio(), offsets[i])));
        }
        MixPlan p2 = AutoMix.propose(AutoMix.analyze(scrambled, ProgressListener.NONE), MixSettings.defaults());
        for (int i = 0; i < band.size(); i++) {
            String f = band.get(i).name();
            assertEquals(plan.gainDbOf(f) - offsets[i], p2.gainDbOf(f), 0.05, f);
        }
    }

    @Test
    void theLeadIsFocusedAndLowEndSourcesAreCentred() {
        assertEquals("LeadVox.wav", plan.lead());
        StemPlan lead = plan.stem("LeadVox.wav").orElseThrow();
        assertEquals(Role.LEAD_VOCAL, lead.role());
        assertEquals(0, lead.pan());
        double leadLevel = lead.measured().activeLoudnessLufs() + lead.gainDb();
        for (StemPlan p : plan.stems()) {
            if (p.role().isLowEnd()) assertEquals(0, p.pan(), p.file());
            if (p != lead) assertTrue(p.measured().activeLoudnessLufs() + p.gainDb() < leadLevel - 1.9, p.file() + " should sit under the lead");
            assertTrue(Math.abs(p.pan()) <= 0.8, "no hard pans");
        }
    }

    @Test
    void bassIsDuckedUnderTheKickAndDrumsShareAGlueBus() {
        StemPlan bass = plan.stem("Bass.wav").orElseThrow();
        assertNotNull(bass.ducking());
        assertEquals(List.of("Kick.wav"), bass.ducking().keyStems());
        assertNotNull(plan.drumBus());
        assertTrue(plan.stem("Kick.wav").orElseThrow().drumBus());
        assertNull(plan.stem("Kick.wav").orElseThrow().reverbSendDb(), "the kick stays dry");
        assertNotNull(plan.stem("LeadVox.wav").orElseThrow().reverbSendDb());
    }

    @Test
    void theMixLeavesHeadroomAndNeverClips() {
        double peak = 0;
        for (int c = 0; c < 2; c++) for (float v : mix.channel(c)) peak = Math.max(peak, Math.abs(v));
        assertTrue(20 * Math.log10(peak) <= -6 + 1e-4, "peak " + 20 * Math.log10(peak));
        assertTrue(20 * Math.log10(peak) > -30, "not silent");
    }

    @Test
    void aSilentStemIsLeftAloneNotBoosted() {
        List<StemSource> withSilence = new ArrayList<>(band);
        AudioBuffer hiss = AudioBuffer.allocate(1, SyntheticStems.frames(SECONDS), SyntheticStems.FS);
        Random r = new Random(5);
        for (int i = 0; i < hiss.frames(); i++) hiss.channel(0)[i] = (float) (1e-5 * r.nextGaussian());
        withSilence.add(new MemoryStem("Room.wav", hiss));
        withSilence.add(new MemoryStem("Empty.wav", AudioBuffer.allocate(2, 1000, SyntheticStems.FS)));
        MixPlan p = AutoMix.propose(AutoMix.analyze(withSilence, ProgressListener.NONE), MixSettings.defaults());
        for (String f : List.of("Room.wav", "Empty.wav")) {
            StemPlan s = p.stem(f).orElseThrow();
            assertTrue(s.silent(), f);
            assertEquals(0, s.gainDb(), f);
            assertTrue(s.eq().isEmpty() && s.compression() == null && s.reverbSendDb() == null, f);
        }
    }

    @Test
    void intentsAndFixesMoveTheRightStems() {
        var a = AutoMix.analyze(band, ProgressListener.NONE);
        MixPlan more = AutoMix.propose(a, MixSettings.defaults().withIntent("vocal", 1).withIntent("reverb", -1).withFix("bass", -3));
        assertEquals(plan.gainDbOf("LeadVox.wav") + 2, more.gainDbOf("LeadVox.wav"), 0.01);
        assertEquals(plan.gainDbOf("Bass.wav") - 3, more.gainDbOf("Bass.wav"), 0.01);
        assertEquals(plan.gainDbOf("Kick.wav"), more.gainDbOf("Kick.wav"), 0.01);
        assertEquals(plan.stem("Snare.wav").orElseThrow().reverbSendDb() - 4, more.stem("Snare.wav").orElseThrow().reverbSendDb(), 0.01);
    }

    @Test
    void candidatesDifferInTheDirectionTheirNamesSay() {
        var a = AutoMix.analyze(band, ProgressListener.NONE);
        List<MixPlan> c = AutoMix.candidates(a, MixSettings.defaults(), 5);
        assertEquals(List.of("balanced", "vocal_forward", "beat_forward", "wide", "dry"), c.stream().map(MixPlan::style).toList());
        assertTrue(c.get(1).gainDbOf("LeadVox.wav") > c.get(0).gainDbOf("LeadVox.wav"));
        assertTrue(c.get(2).gainDbOf("Kick.wav") > c.get(0).gainDbOf("Kick.wav"));
        assertTrue(Math.abs(c.get(3).stem("HiHat.wav").orElseThrow().pan()) > Math.abs(c.get(0).stem("HiHat.wav").orElseThrow().pan()));
        assertTrue(c.get(4).stem("LeadVox.wav").orElseThrow().reverbSendDb() < c.get(0).stem("LeadVox.wav").orElseThrow().reverbSendDb());
    }

    @Test
    void aRoleOverrideWinsWithFullConfidence() {
        var a = AutoMix.analyze(band, ProgressListener.NONE);
        MixPlan p = AutoMix.propose(a, MixSettings.defaults().withRoles(Map.of("Pad.wav", Role.STRINGS_BRASS)));
        assertEquals(Role.STRINGS_BRASS, p.stem("Pad.wav").orElseThrow().role());
        assertEquals(1.0, p.stem("Pad.wav").orElseThrow().roleConfidence());
        assertThrows(IllegalArgumentException.class, () -> AutoMix.propose(a, MixSettings.defaults().withRoles(Map.of("Nope.wav", Role.PAD))));
    }

    @Test
    void stemsAtAnotherRateAreResampledAndSaidSo() {
        List<StemSource> mixed = new ArrayList<>(band);
        dev.groundwork.core.audio.AudioBuffer at48 = dev.groundwork.core.dsp.Resampler.resample(((MemoryStem) band.get(5)).audio(), 48000);
        mixed.set(5, new MemoryStem(band.get(5).name(), at48));
        MixPlan p = AutoMix.propose(AutoMix.analyze(mixed, ProgressListener.NONE), MixSettings.defaults());
        assertEquals(44100, p.sampleRateHz());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains(band.get(5).name()) && n.contains("resampled from 48000 Hz")), p.notes().toString());
        AudioBuffer m = MixRenderer.renderToMemory(p, mixed);
        assertEquals(mix.frames(), m.frames(), 1);
        // The resampled pad lands where the original did: the mixes agree to within a small fraction.
        assertTrue(differenceDb(mix, m) < -30, "difference " + differenceDb(mix, m));
    }
}
