package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.StemPlan;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Level decisions checked on the bench's known mixes: synth leads under keys, no focus for a guessed lead, a mild role share. */
class LevelRulesTest {
    private static final double SECONDS = 8;

    private static double target(StemPlan p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("target (-?[0-9.]+) LUFS").matcher(p.gainReason());
        assertTrue(m.find(), p.gainReason());
        return Double.parseDouble(m.group(1));
    }

    private static MixPlan plan(List<StemSource> stems, MixSettings s) {
        return AutoMix.propose(AutoMix.analyze(stems, ProgressListener.NONE), s);
    }

    @Test
    void aGuessedSynthLeadSitsThreeDbUnderKeysWithoutFocus() {
        MixPlan p = plan(List.of(new MemoryStem("Synth Lead.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("Kick.wav", SyntheticStems.kick(SECONDS, 1))), MixSettings.defaults());
        assertEquals("Synth Lead.wav", p.lead());
        StemPlan lead = p.stems().stream().filter(s -> s.file().equals("Synth Lead.wav")).findFirst().orElseThrow();
        StemPlan keys = p.stems().stream().filter(s -> s.file().equals("Keys.wav")).findFirst().orElseThrow();
        assertEquals(target(keys) - 3, target(lead), 0.05, lead.gainReason());
        // Naming it the lead brings it forward again: 2 dB over the melodic parts' reference level.
        MixPlan named = plan(List.of(new MemoryStem("Synth Lead.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("Kick.wav", SyntheticStems.kick(SECONDS, 1))), MixSettings.defaults().withLead("Synth Lead.wav"));
        StemPlan namedLead = named.stems().stream().filter(s -> s.file().equals("Synth Lead.wav")).findFirst().orElseThrow();
        assertTrue(target(namedLead) > target(keys) + 2, namedLead.gainReason());
    }

    @Test
    void twoStemsOfOneRoleStepBackThreeQuartersOfADbEach() {
        MixPlan one = plan(List.of(new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("Kick.wav", SyntheticStems.kick(SECONDS, 1))), MixSettings.defaults());
        MixPlan two = plan(List.of(new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("Keys 2.wav", SyntheticStems.pad(SECONDS, 0.5)),
                new MemoryStem("Kick.wav", SyntheticStems.kick(SECONDS, 1))), MixSettings.defaults());
        double alone = target(one.stems().stream().filter(s -> s.file().equals("Keys.wav")).findFirst().orElseThrow());
        for (StemPlan s : two.stems()) {
            if (s.file().startsWith("Keys")) assertEquals(alone - 2.5 * Math.log10(2), target(s), 0.05, s.gainReason());
        }
    }

    @Test
    void theBeatBalanceBringsKickAndBassNearTheLeadAsTheReferenceRuleSetDoes() {
        List<StemSource> stems = List.of(new MemoryStem("Melody.wav", SyntheticStems.lead(SECONDS, 1)),
                new MemoryStem("Keys.wav", SyntheticStems.pad(SECONDS, 1)),
                new MemoryStem("Bass.wav", SyntheticStems.bass(SECONDS, 1)),
                new MemoryStem("Kick.wav", SyntheticStems.kick(SECONDS, 1)));
        MixSettings named = MixSettings.defaults().withLead("Melody.wav");
        MixPlan song = plan(stems, named);
        MixPlan beat = plan(stems, named.withBalance("beat"));
        java.util.function.BiFunction<MixPlan, String, Double> t = (p, f) -> target(p.stem(f).orElseThrow());
        // Song balance (calibrated on game-soundtrack songs): the kick 8 dB under the keys.
        assertEquals(-8.0, t.apply(song, "Kick.wav") - t.apply(song, "Keys.wav"), 0.05);
        // Beat balance: REFERENCE §3 (stems at -32 LUFS: vocal -7.5, bass -10, kick -12 at the middle of their ranges),
        // so kick 4.5 and bass 2.5 under the lead's reference level, the keys a bed 6 under it.
        assertEquals(2.0, t.apply(beat, "Bass.wav") - t.apply(beat, "Kick.wav"), 0.05);
        assertEquals(1.5, t.apply(beat, "Kick.wav") - t.apply(beat, "Keys.wav"), 0.05);
        assertTrue(t.apply(beat, "Melody.wav") > t.apply(beat, "Bass.wav") + 3, beat.stem("Melody.wav").orElseThrow().gainReason());
        assertTrue(beat.stem("Kick.wav").orElseThrow().gainReason().contains("beat balance"));
        assertTrue(beat.notes().stream().anyMatch(n -> n.contains("beat balance")), beat.notes().toString());
        assertEquals("beat", beat.balance(), "the plan records the balance it was made with");
        assertEquals("song", song.balance());
        // The lead's own level does not depend on the balance.
        assertEquals(t.apply(song, "Melody.wav"), t.apply(beat, "Melody.wav"), 1e-9);
    }

    @Test
    void anUnknownBalanceIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MixSettings.defaults().withBalance("loud"));
        assertTrue(e.getMessage().contains("song") && e.getMessage().contains("auto"), e.getMessage());
    }
}
