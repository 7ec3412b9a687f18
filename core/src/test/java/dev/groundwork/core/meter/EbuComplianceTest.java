package dev.groundwork.core.meter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.groundwork.core.meter.Tones.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthesisable EBU Tech 3341 (loudness, true peak) and Tech 3342 (loudness range) compliance
 * cases, at 44.1 and 48 kHz; the steady single-tone cases also at 22.05, 96 and 192 kHz.
 */
class EbuComplianceTest {
    private static final double[] MAIN_RATES = {44_100, 48_000};
    private static final double[] ALL_RATES = {22_050, 44_100, 48_000, 96_000, 192_000};

    static Stream<Arguments> steadyTones() {
        List<Arguments> a = new ArrayList<>();
        for (double fs : ALL_RATES) {
            a.add(Arguments.of("3341-1", fs, -23.0));
            a.add(Arguments.of("3341-2", fs, -33.0));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz: M, S, I = {2} LUFS")
    @MethodSource("steadyTones")
    void steadyToneReadsItsLevelOnEveryScale(String ebuCase, double fs, double level) {
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 2, 1000, seg(20, level)));
        assertEquals(level, m.integratedLufs().orElseThrow(), 0.1, ebuCase + " I");
        double[] momentary = m.momentaryCurveLufs(), shortTerm = m.shortTermCurveLufs();
        for (int i = 3; i < momentary.length; i++) assertEquals(level, momentary[i], 0.1, ebuCase + " M at step " + i);
        for (int i = 29; i < shortTerm.length; i++) assertEquals(level, shortTerm[i], 0.1, ebuCase + " S at step " + i);
        assertEquals(level, m.maxMomentaryLufs().orElseThrow(), 0.1);
        assertEquals(level, m.maxShortTermLufs().orElseThrow(), 0.1);
    }

    static Stream<Arguments> integratedCases() {
        List<Arguments> a = new ArrayList<>();
        for (double fs : MAIN_RATES) {
            a.add(Arguments.of("3341-3", fs, new Tones.Segment[]{seg(10, -36), seg(60, -23), seg(10, -36)}));
            a.add(Arguments.of("3341-4", fs, new Tones.Segment[]{seg(10, -72), seg(10, -36), seg(60, -23), seg(10, -36), seg(10, -72)}));
            a.add(Arguments.of("3341-5", fs, new Tones.Segment[]{seg(20, -26), seg(20.1, -20), seg(20, -26)}));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz: I = -23.0 LUFS")
    @MethodSource("integratedCases")
    void gatingLeavesTheMainPartsLevel(String ebuCase, double fs, Tones.Segment[] segments) {
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 2, 1000, segments));
        assertEquals(-23.0, m.integratedLufs().orElseThrow(), 0.1, ebuCase);
    }

    @ParameterizedTest(name = "3341-6 at {0} Hz: 5.0 surround, I = -23.0 LUFS")
    @MethodSource("mainRates")
    void surroundChannelsAreWeighted(double fs) {
        // L, R, C, Ls, Rs (WAV order without LFE)
        LoudnessMeter m = Tones.measure(Tones.perChannel(fs, 20, 1000, -28, -28, -24, -30, -30));
        assertEquals(-23.0, m.integratedLufs().orElseThrow(), 0.1);
    }

    @ParameterizedTest(name = "5.1 at {0} Hz: the LFE channel does not count")
    @MethodSource("mainRates")
    void lfeChannelIsExcluded(double fs) {
        LoudnessMeter with = Tones.measure(Tones.perChannel(fs, 10, 1000, -28, -28, -24, -6, -30, -30));
        assertEquals(-23.0, with.integratedLufs().orElseThrow(), 0.1);
    }

    @ParameterizedTest(name = "3341-9 at {0} Hz: S = -23.0 constant after 3 s")
    @MethodSource("mainRates")
    void shortTermIsConstantOverAPeriodicPattern(double fs) {
        List<Tones.Segment> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) { s.add(seg(1.34, -20)); s.add(seg(1.66, -30)); }
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 2, 1000, s.toArray(Tones.Segment[]::new)));
        double[] st = m.shortTermCurveLufs();
        assertTrue(st.length >= 149);
        for (int i = 29; i < st.length; i++) assertEquals(-23.0, st[i], 0.1, "S at " + (i + 1) * 0.1 + " s");
    }

    @ParameterizedTest(name = "3341-12 at {0} Hz: M = -23.0 constant after 1 s")
    @MethodSource("mainRates")
    void momentaryIsConstantOverAPeriodicPattern(double fs) {
        List<Tones.Segment> s = new ArrayList<>();
        for (int i = 0; i < 25; i++) { s.add(seg(0.18, -20)); s.add(seg(0.22, -30)); }
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 2, 1000, s.toArray(Tones.Segment[]::new)));
        double[] mo = m.momentaryCurveLufs();
        assertTrue(mo.length >= 99);
        for (int i = 9; i < mo.length; i++) assertEquals(-23.0, mo[i], 0.1, "M at " + (i + 1) * 0.1 + " s");
    }

    static Stream<Arguments> truePeakCases() {
        List<Arguments> a = new ArrayList<>();
        for (double fs : new double[]{22_050, 44_100, 48_000}) {
            a.add(Arguments.of("3341-15", fs, 4, 0.5, 0.0, -6.0));
            a.add(Arguments.of("3341-16", fs, 4, 0.5, 45.0, -6.0));
            a.add(Arguments.of("3341-17", fs, 6, 0.5, 60.0, -6.0));
            a.add(Arguments.of("3341-18", fs, 8, 0.5, 67.5, -6.0));
            a.add(Arguments.of("3341-19", fs, 4, 1.41, 45.0, 3.0));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz: sine at fs/{2}, amplitude {3}, phase {4}° reads {5} dBTP")
    @MethodSource("truePeakCases")
    void truePeakOfEbuSines(String ebuCase, double fs, int divisor, double amplitude, double phase, double expected) {
        LoudnessMeter m = Tones.measure(Tones.sine(fs, 2, 1.0, fs / divisor, amplitude, phase));
        double tp = m.truePeakDbtp();
        assertTrue(tp <= expected + 0.2 && tp >= expected - 0.4, ebuCase + " read " + tp + " dBTP");
    }

    static Stream<Arguments> rangeCases() {
        List<Arguments> a = new ArrayList<>();
        for (double fs : MAIN_RATES) {
            a.add(Arguments.of("3342-1", fs, 10.0, new Tones.Segment[]{seg(20, -20), seg(20, -30)}));
            a.add(Arguments.of("3342-2", fs, 5.0, new Tones.Segment[]{seg(20, -20), seg(20, -15)}));
            a.add(Arguments.of("3342-3", fs, 20.0, new Tones.Segment[]{seg(20, -40), seg(20, -20)}));
            a.add(Arguments.of("3342-4", fs, 15.0, new Tones.Segment[]{seg(20, -50), seg(20, -35), seg(20, -20), seg(20, -35), seg(20, -50)}));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz: LRA = {2} LU")
    @MethodSource("rangeCases")
    void loudnessRangeOfSteppedTones(String ebuCase, double fs, double expected, Tones.Segment[] segments) {
        LoudnessMeter m = Tones.measure(Tones.steps(fs, 2, 1000, segments));
        assertEquals(expected, m.loudnessRangeLu().orElseThrow(), 1.0, ebuCase);
    }

    static Stream<Double> mainRates() {
        return Stream.of(44_100.0, 48_000.0);
    }

}
