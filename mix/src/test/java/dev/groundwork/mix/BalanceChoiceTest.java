package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic balance: a ringing 808-style kick makes a beat balance, a short kick keeps the song balance. */
class BalanceChoiceTest {
    private static final double SECONDS = 8, FS = 44100, BPM = 120;

    /** A kick on every beat whose body decays with the given time constant (s): 0.06 a punchy hit, 0.6 an 808 boom. */
    private static AudioBuffer kick(double decaySeconds) {
        float[] x = new float[(int) (SECONDS * FS)];
        for (double t0 = 0; t0 < SECONDS; t0 += 60 / BPM) {
            int s = (int) (t0 * FS);
            double phase = 0;
            for (int i = 0; i < (int) (0.5 * FS) && s + i < x.length; i++) {
                double t = i / FS;
                phase += 2 * Math.PI * (45 + 80 * Math.exp(-t * 30)) / FS;
                x[s + i] += (float) (0.8 * Math.exp(-t / decaySeconds) * Math.sin(phase));
            }
        }
        return new AudioBuffer(new float[][] {x}, FS);
    }

    private static MixPlan plan(AudioBuffer kick, MixSettings s) {
        List<StemSource> stems = List.of(new MemoryStem("Kick.wav", kick),
                new MemoryStem("Bass.wav", SyntheticStems.bass(SECONDS, 1)),
                new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)));
        return AutoMix.propose(AutoMix.analyze(stems, ProgressListener.NONE), s);
    }

    private static double kickMinusKeys(MixPlan p) {
        return p.stem("Kick.wav").orElseThrow().gainDb() - p.stem("Keys.wav").orElseThrow().gainDb();
    }

    private static double target(MixPlan p, String file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("target (-?[0-9.]+) LUFS").matcher(p.stem(file).orElseThrow().gainReason());
        assertTrue(m.find());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aRingingKickMakesABeatBalanceAndAShortOneASongBalance() {
        MixPlan ringing = plan(kick(0.6), MixSettings.defaults());
        MixPlan punchy = plan(kick(0.06), MixSettings.defaults());
        assertEquals("beat", ringing.balance(), ringing.notes().toString());
        assertEquals("song", punchy.balance(), punchy.notes().toString());
        assertTrue(ringing.notes().stream().anyMatch(n -> n.startsWith("balance: beat (chosen: the kick Kick.wav has sustain")), ringing.notes().toString());
        // The automatic choice levels exactly as the same balance asked for explicitly.
        assertEquals(kickMinusKeys(plan(kick(0.6), MixSettings.defaults().withBalance("beat"))), kickMinusKeys(ringing), 1e-9);
        assertEquals(kickMinusKeys(plan(kick(0.06), MixSettings.defaults().withBalance("song"))), kickMinusKeys(punchy), 1e-9);
        // Targets: the beat table puts the kick 1.5 LU over the keys, the song table 8 LU under them.
        assertEquals(1.5, target(ringing, "Kick.wav") - target(ringing, "Keys.wav"), 0.05);
        assertEquals(-8.0, target(punchy, "Kick.wav") - target(punchy, "Keys.wav"), 0.05);
    }

    @Test
    void anExplicitBalanceIsKept() {
        MixPlan p = plan(kick(0.6), MixSettings.defaults().withBalance("song"));
        assertEquals("song", p.balance());
        assertTrue(p.notes().stream().noneMatch(n -> n.startsWith("balance:")), p.notes().toString());
    }
}
