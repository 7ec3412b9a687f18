package dev.groundwork.beat.sound;

import dev.groundwork.beat.plan.BeatPlan;

import java.nio.file.Path;

/**
 * A drum kit read from its path once, at the sample rate it plays at. A caller that checks a kit and then records it in
 * several plans and renders them (the studio's variations) passes this on, so the kit's files are read once, not once
 * per check, edit and render.
 *
 * @param path  the kit's absolute path, as a plan records it
 * @param drums the loaded one-shots
 */
public record LoadedKit(Path path, int sampleRate, DrumKit drums) {

    /** Loads with {@link SampleKits#load}, keeping its errors ("kit not found: ...", not a kit, a bad one-shot). */
    public static LoadedKit load(Path path, int sampleRate) {
        DrumKit drums = SampleKits.load(path, sampleRate);
        return new LoadedKit(path.toAbsolutePath(), sampleRate, drums);
    }

    /** Whether this is the kit {@code plan} names, at the plan's sample rate (so rendering it with these one-shots is exact). */
    public boolean isKitOf(BeatPlan plan) {
        return plan.kit() != null && Path.of(plan.kit()).equals(path) && plan.sampleRateHz() == sampleRate;
    }
}
