package dev.groundwork.session.produce;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.mix.MixSettings;
import dev.groundwork.mix.roles.Role;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The mix role of each beat part, known exactly from the beat plan (no guessing from sound). */
public final class StemRoles {
    private StemRoles() { }

    /**
     * The mix settings for the stems of {@code plan} (as 'groundwork beat' writes them): each part's role, the melody as the
     * lead and the delay on the beat's tempo, taken from the plan, unless {@code base} names a role, lead or tempo itself.
     * produce mixes its beat with these, and 'mix --beat-plan' takes the same from a plan file, so the chain produce prints
     * mixes the re-rendered beat as produce did.
     */
    public static MixSettings mixSettings(BeatPlan plan, MixSettings base) {
        Map<String, Role> roles = of(plan);
        roles.putAll(base.roles());
        MixSettings s = base.withRoles(roles);
        if (s.tempoBpm() == null) s = s.withTempo(plan.tempoBpm());
        if (s.lead() == null) {
            var melody = plan.parts().stream().filter(p -> p.role() == dev.groundwork.beat.plan.Role.MELODY).findFirst();
            if (melody.isPresent()) s = s.withLead(melody.get().name() + ".wav");
        }
        return s;
    }

    static Map<String, Role> of(BeatPlan plan) {
        Map<String, Role> m = new LinkedHashMap<>();
        for (Part p : plan.parts()) m.put(p.name() + ".wav", roleOf(p));
        return m;
    }

    static Role roleOf(Part p) {
        String name = p.name().toLowerCase(Locale.ROOT), sound = p.sound() == null ? "" : p.sound().toLowerCase(Locale.ROOT);
        return switch (p.role()) {
            case DRUMS -> name.contains("kick") ? Role.KICK
                    : name.contains("snare") || name.contains("clap") || name.contains("rim") ? Role.SNARE
                    : name.contains("hat") || name.contains("cymbal") || name.contains("ride") ? Role.HATS
                    : name.equals("drums") ? Role.FULL_DRUMS : Role.PERCUSSION;
            case BASS -> sound.contains("808") || sound.contains("sub") ? Role.SUB_808 : Role.BASS;
            case CHORDS -> sound.contains("pad") || sound.contains("string") ? (sound.contains("string") ? Role.STRINGS_BRASS : Role.PAD)
                    : sound.contains("guitar") ? Role.GUITAR : Role.KEYS;
            case MELODY -> Role.SYNTH_LEAD;
        };
    }
}
