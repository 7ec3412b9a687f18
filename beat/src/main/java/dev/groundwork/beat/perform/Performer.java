package dev.groundwork.beat.perform;

import dev.groundwork.beat.compose.Seeds;
import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.plan.Groove;
import dev.groundwork.beat.plan.Note;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies the groove to the score: swing (MPC convention: every second 16th late by
 * (swing - 0.5) x 2 sixteenths), per-part push or lay-back, hat accents and seeded humanisation.
 * Each part draws its jitter from its own stream, so editing one part never moves another.
 */
public final class Performer {
    private Performer() { }

    public static List<PerformedNote> perform(BeatPlan plan, Part part) {
        Groove g = plan.groove();
        double spb = plan.secondsPerBeat();
        SplittableRandom rnd = Seeds.random(g.seed(), "groove:" + part.name());
        double offsetBeats = g.offsetMs(part.name()) / 1000.0 / spb;
        boolean accented = part.name().equals("hats") || part.name().equals("perc");
        double total = plan.totalBeats();
        double pulse = plan.metre().pulseBeats();
        List<PerformedNote> out = new ArrayList<>(part.notes().size());
        for (Note n : part.notes()) {
            double jitter = gaussian(rnd) * g.humanizeMs() / 1000.0 / spb;
            double velJitter = gaussian(rnd) * g.humanizeVelocity();
            double start = n.startBeats() + swingDelayBeats(n.startBeats(), g.swing()) + offsetBeats + jitter;
            double vel = n.velocity() + velJitter;
            if (accented) vel *= accent(n.startBeats(), pulse, g.accent());
            if (part.role() == Role.DRUMS && n.velocity() < 80) vel = Math.min(vel, n.velocity() + 4); // ghosts stay ghosts
            if (plan.loop()) start = wrap(start, total);
            else start = Math.max(0, start);
            int v = (int) Math.max(1, Math.min(127, Math.round(vel)));
            double len = n.lengthBeats();
            out.add(new PerformedNote(start, len, start * spb, len * spb, n.pitch(), v, n.glideFrom()));
        }
        return out;
    }

    /** Delay of a note on the straight grid: only notes exactly on an odd 16th move. */
    public static double swingDelayBeats(double beats, double swing) {
        double sixteenth = beats / 0.25;
        long idx = Math.round(sixteenth);
        if (Math.abs(sixteenth - idx) > 1e-6 || (idx & 1) == 0) return 0;
        return (swing - 0.5) * 2 * 0.25;
    }

    /** Louder on the felt beat (a quarter, or a dotted quarter in 6/8 and 12/8), level on the other 8ths, softer between. */
    private static double accent(double beats, double pulse, double amount) {
        double inPulse = beats - Math.floor(beats / pulse + 1e-9) * pulse;
        if (inPulse < 1e-6) return 1 + amount;
        double eighth = inPulse / 0.5;
        if (Math.abs(eighth - Math.rint(eighth)) < 1e-6) return 1;
        return 1 - amount;
    }

    private static double wrap(double x, double period) {
        double r = x % period;
        return r < 0 ? r + period : r;
    }

    /** Box-Muller from the stream's doubles: the same numbers on every JDK. */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
