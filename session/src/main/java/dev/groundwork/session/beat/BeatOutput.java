package dev.groundwork.session.beat;

import java.util.List;

/**
 * What a beat job wrote and measured (the command's --json output).
 *
 * @param halfTimeFeel        the genre is felt at half time (trap, UK drill, drum and bass): a listener or a tempo
 *                            detector may count half (or double) {@code tempoBpm}
 * @param timeSignature       "4/4", "3/4", "6/8" or "12/8" (the tempo counts quarter notes in every metre)
 * @param mixTrimDb           common gain on every stem so the unmastered mix peaks at -6 dBFS
 * @param masterGainDb        gain the mastering stage applied
 * @param integratedLufs      loudness of beat.wav
 * @param truePeakDbtp        true peak of beat.wav
 * @param renderSeconds       wall time of compose-to-files
 */
public record BeatOutput(String dir, String genre, double tempoBpm, boolean halfTimeFeel, String key, String timeSignature, int bars, double durationSeconds, long seed,
                         List<String> parts, List<String> files, double mixTrimDb, double masterGainDb,
                         Double integratedLufs, double truePeakDbtp, String mastering, double renderSeconds) { }
