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
}
