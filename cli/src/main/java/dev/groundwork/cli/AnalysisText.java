package dev.groundwork.cli;

import dev.groundwork.core.analysis.AnalysisReport;
import dev.groundwork.core.analysis.BandLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Human-readable analysis: a vertical table for one file, one aligned row per file for several. */
final class AnalysisText {
    /** Octave centres shown in the one-file spectrum (the JSON has every third octave). */
    private static final double[] OCTAVES = {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};

    private AnalysisText() { }

    static String single(AnalysisReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.file()).append("  (").append(r.format() == null ? "audio" : r.format()).append(", ")
                .append(r.sampleRate()).append(" Hz, ").append(r.channels()).append(r.channels() == 1 ? " channel, " : " channels, ")
                .append(duration(r.durationS())).append(")\n");
        row(sb, "Integrated loudness", num(r.integratedLufs(), 1), "LUFS");
        row(sb, "Loudness range", num(r.loudnessRangeLu(), 1), "LU");
        row(sb, "True peak", num(r.truePeakDbtp(), 1), "dBTP");
        row(sb, "Sample peak", num(r.samplePeakDbfs(), 1), "dBFS");
        row(sb, "Max momentary", num(r.maxMomentaryLufs(), 1), "LUFS");
        row(sb, "Max short-term", num(r.maxShortTermLufs(), 1), "LUFS");
        row(sb, "RMS", num(r.rmsDbfs(), 1), "dBFS");
        row(sb, "Crest factor", num(r.crestFactorDb(), 1), "dB");
        row(sb, "DC offset", num(r.dcOffsetDbfs(), 1), "dBFS");
        row(sb, "Clipped samples", Long.toString(r.clippedSamples()), "");
        row(sb, "Stereo correlation", num(r.stereoCorrelation(), 2), "");
        sb.append("  Spectrum (octave bands, dB re full-scale sine)\n");
        for (double centre : OCTAVES) {
            for (BandLevel b : r.spectrum()) {
                if (b.centerHz() != centre) continue;
                String label = centre >= 1000 ? num(centre / 1000, 0) + " kHz" : num(centre, centre == 31.5 ? 1 : 0) + " Hz";
                String bar = Double.isFinite(b.levelDb()) ? "#".repeat((int) Math.max(0, Math.round((b.levelDb() + 80) / 2.5))) : "";
                sb.append(String.format(Locale.ROOT, "    %8s %7s  %s", label, num(b.levelDb(), 1), bar).stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }

    static String rows(List<AnalysisReport> reports) {
        String[] header = {"file", "LUFS", "LRA", "dBTP", "peak", "max M", "max S", "crest", "corr", "clipped", "length"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (AnalysisReport r : reports) {
            lines.add(new String[]{r.file(), num(r.integratedLufs(), 1), num(r.loudnessRangeLu(), 1), num(r.truePeakDbtp(), 1),
                    num(r.samplePeakDbfs(), 1), num(r.maxMomentaryLufs(), 1), num(r.maxShortTermLufs(), 1),
                    num(r.crestFactorDb(), 1), num(r.stereoCorrelation(), 2), Long.toString(r.clippedSamples()), duration(r.durationS())});
        }
        int[] width = new int[header.length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                if (i == 0) line.append(String.format("%-" + width[0] + "s", l[0]));
                else line.append("  ").append(String.format("%" + width[i] + "s", l[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append("LUFS integrated, LRA in LU, dBTP true peak, peak in dBFS, max M/S in LUFS, crest in dB; n/a = does not exist (silence)\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value, String unit) {
        // a value that does not exist has no unit ("n/a", not "n/a LU")
        String shown = value.equals("n/a") ? "" : unit;
        sb.append(String.format(Locale.ROOT, "  %-20s %7s %s", name, value, shown).stripTrailing()).append('\n');
    }

    static String num(Double v, int decimals) {
        if (v == null || v.isNaN()) return "n/a";
        if (v == Double.NEGATIVE_INFINITY) return "-inf";
        if (v == Double.POSITIVE_INFINITY) return "inf";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String duration(double seconds) {
        long tenths = Math.round(seconds * 10);
        long m = tenths / 600;
        double s = (tenths % 600) / 10.0;
        return m > 0 ? String.format(Locale.ROOT, "%d:%04.1f", m, s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}
