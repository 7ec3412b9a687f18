package dev.groundwork.mix;

import dev.groundwork.core.progress.ProgressListener;
import dev.groundwork.mix.analysis.OnsetCurve;
import dev.groundwork.mix.analysis.StemAnalyzer;
import dev.groundwork.mix.analysis.StemProfile;
import dev.groundwork.mix.plan.MixPlan;
import dev.groundwork.mix.plan.MixPlanner;
import dev.groundwork.mix.plan.TempoChoice;
import dev.groundwork.mix.stems.FileStem;
import dev.groundwork.mix.stems.StemFolder;
import dev.groundwork.mix.stems.StemSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The automix: analyse every stem (one streaming pass each, in parallel), then propose a {@link MixPlan}.
 * Rendering is {@link dev.groundwork.mix.render.MixRenderer}. The plan depends on the stems' sound and
 * names only: not on the order they are listed in, and not on their input gain.
 */
public final class AutoMix {
    private AutoMix() { }

    /** The analyses of a set of stems plus the session rate chosen for them, and each stem's onset curve for the tempo. */
    public record Analysis(List<StemSource> stems, List<StemProfile> profiles, double sessionRate, String rateReason, List<String> notes,
                           Map<String, OnsetCurve> onsets) { }

    /** Proposes a plan for stem files (the bench's entry point). */
    public static MixPlan propose(List<Path> stems, MixSettings settings) {
        List<StemSource> sources = stems.stream().map(FileStem::probe).map(s -> (StemSource) s).toList();
        return propose(analyze(sources, ProgressListener.NONE), settings);
    }

    public static MixPlan propose(Analysis a, MixSettings settings) {
        MixPlan plan = MixPlanner.plan(a.profiles(), settings, settings.sampleRateHz() != null ? settings.sampleRateHz() : a.sessionRate(),
                settings.sampleRateHz() != null ? "set by the producer" : a.rateReason(), a.notes());
        return TempoChoice.apply(plan, a.onsets(), settings);
    }

    /** Balanced first, then vocal forward, beat forward, wide and dry: up to five distinct proposals on the same analysis. */
    public static List<MixPlan> candidates(Analysis a, MixSettings settings, int n) {
        if (n < 1 || n > MixSettings.STYLES.size()) throw new IllegalArgumentException("candidates must be 1.." + MixSettings.STYLES.size());
        List<String> styles = new ArrayList<>();
        styles.add(settings.style());
        for (String s : MixSettings.STYLES) if (!styles.contains(s)) styles.add(s);
        return styles.subList(0, n).stream().map(s -> propose(a, settings.withStyle(s))).toList();
    }

    public static Analysis analyze(List<StemSource> stems, ProgressListener progress) {
        List<StemSource> sorted = new ArrayList<>(stems);
        sorted.sort(Comparator.comparing((StemSource s) -> s.name().toLowerCase(Locale.ROOT)).thenComparing(StemSource::name));
        StemFolder.validate(sorted, "the stem set");
        int threads = Math.max(1, Math.min(sorted.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mix-analysis");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<StemProfile>> fs = new ArrayList<>();
            for (StemSource s : sorted) {
                fs.add(pool.submit(() -> {
                    // The onset curve for the tempo rides on the analysis pass: the stem is decoded once.
                    StemProfile p = StemAnalyzer.analyze(s);
                    progress.progress("analysing", (double) done.incrementAndGet() / sorted.size());
                    return p;
                }));
            }
            List<StemProfile> profiles = new ArrayList<>();
            for (Future<StemProfile> f : fs) profiles.add(get(f));
            // Session rate: the most common rate; ties go to the higher one.
            Map<Double, Long> rates = new TreeMap<>(sorted.stream().collect(Collectors.groupingBy(s -> s.info().sampleRate(), Collectors.counting())));
            double rate = rates.entrySet().stream().max(Comparator.comparingLong((Map.Entry<Double, Long> e) -> e.getValue())
                    .thenComparingDouble(Map.Entry::getKey)).orElseThrow().getKey();
            List<String> notes = new ArrayList<>();
            String reason;
            if (rates.size() == 1) {
                reason = String.format(Locale.ROOT, "all stems are at %.0f Hz", rate);
            } else {
                reason = String.format(Locale.ROOT, "stems at %s Hz; %.0f Hz is the most common", rates.keySet().stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(", ")), rate);
                for (StemSource s : sorted) {
                    if (s.info().sampleRate() != rate) {
                        notes.add(String.format(Locale.ROOT, "%s resampled from %.0f Hz to %.0f Hz (windowed-sinc, stop band below -100 dB)",
                                s.name(), s.info().sampleRate(), rate));
                    }
                }
            }
            Map<String, OnsetCurve> curves = new TreeMap<>();
            for (StemProfile p : profiles) curves.put(p.summary().name(), p.onsets());
            return new Analysis(List.copyOf(sorted), List.copyOf(profiles), rate, reason, notes, java.util.Collections.unmodifiableMap(curves));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
