package dev.groundwork.session.produce;

import dev.groundwork.mix.render.MixReport;

import java.util.List;

/**
 * What one produce run made: the beat's decisions in brief, the mix and master results, and every file
 * written (relative to the project folder) so each step can be revisited.
 *
 * @param reading             the prompt as the beat understood it, one line per decision (as 'groundwork beat' prints it)
 * @param ignored             words of the prompt that were not understood
 * @param revisit             the commands to run in order after an edit of beat.json (beat, mix, master)
 * @param revisitAfterMixEdit the commands after an edit of mix.json only: the mix rendered as the plan says, then the master
 */
public record ProduceResult(String folder, String prompt, List<String> reading, List<String> ignored, long seed, String genre, double tempoBpm, String key, int bars,
                            double durationSeconds, List<String> stems, String lead, MixReport mix,
                            Double masterIntegratedLufs, Double masterTruePeakDbtp, String masterTarget,
                            List<String> files, List<String> revisit, List<String> revisitAfterMixEdit, double seconds) { }
