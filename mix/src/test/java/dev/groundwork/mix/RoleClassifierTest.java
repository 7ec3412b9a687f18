package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.roles.Role;
import dev.groundwork.mix.roles.RoleClassifier;
import dev.groundwork.mix.roles.RoleGuess;
import dev.groundwork.mix.stems.MemoryStem;
import dev.groundwork.mix.stems.StemSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RoleClassifierTest {
    @ParameterizedTest
    @CsvSource({
            "Kick_01.wav, kick", "BD.wav, kick", "bass drum.aif, kick", "SNR top.wav, snare", "Clap.wav, snare",
            "HiHat.wav, hats", "OH L.wav, hats", "Shaker.flac, percussion", "DrumLoop.wav, drums", "808s.wav, 808",
            "Sub Bass.wav, 808", "BassDI.wav, bass", "LeadVox_02.wav, lead_vocal", "Lead Vocal.wav, lead_vocal",
            "BV harmony.wav, backing_vocals", "Vox Double.wav, backing_vocals", "Gtr L.wav, guitar", "Rhodes.wav, keys",
            "Piano.wav, keys", "Pad Wide.wav, pad", "Synth Lead.wav, synth_lead", "Strings.wav, strings_brass",
            "Riser FX.wav, fx"})
    void theFileNameNamesTheRole(String file, String role) {
        var m = RoleClassifier.fromName(file);
        assertNotNull(m, file);
        assertEquals(Role.parse(role), m.role(), file);
    }

    @Test
    void anUninformativeNameNamesNothing() {
        assertNull(RoleClassifier.fromName("Audio 07.wav"));
    }

    @Test
    void theSoundAloneRecognisesHatsBassPadAndKick() {
        double s = 8;
        List<StemSource> stems = List.of(
                new MemoryStem("a.wav", SyntheticStems.hats(s, 1, 1)),
                new MemoryStem("b.wav", SyntheticStems.bass(s, 1)),
                new MemoryStem("c.wav", SyntheticStems.pad(s, 1)),
                new MemoryStem("d.wav", SyntheticStems.kick(s, 1)));
        var a = AutoMix.analyze(stems, ProgressListener.NONE);
        List<Role> roles = a.profiles().stream().map(p -> RoleClassifier.classify(p.summary()).role()).toList();
        assertEquals(Role.HATS, roles.get(0));
        assertTrue(roles.get(1).isLowEnd() && !roles.get(1).isDrum(), "bass or 808: " + roles.get(1));
        assertEquals(Role.PAD, roles.get(2));
        assertEquals(Role.KICK, roles.get(3), "a decaying low hit is a kick, a held low note is not");
    }

    @Test
    void theRoleDoesNotDependOnInputGain() {
        var quiet = AutoMix.analyze(List.of(new MemoryStem("x.wav", SyntheticStems.lead(6, 0.05)), new MemoryStem("y.wav", SyntheticStems.hats(6, 1, 1))),
                ProgressListener.NONE);
        var loud = AutoMix.analyze(List.of(new MemoryStem("x.wav", SyntheticStems.lead(6, 0.9)), new MemoryStem("y.wav", SyntheticStems.hats(6, 1, 1))),
                ProgressListener.NONE);
        RoleGuess q = RoleClassifier.classify(quiet.profiles().get(0).summary()), l = RoleClassifier.classify(loud.profiles().get(0).summary());
        assertEquals(q.role(), l.role());
        assertEquals(q.confidence(), l.confidence(), 0.02);
    }
}
