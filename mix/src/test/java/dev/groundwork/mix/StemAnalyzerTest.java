package dev.groundwork.mix;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.mix.analysis.StemAnalysis;
import dev.groundwork.mix.analysis.StemAnalyzer;
import dev.groundwork.mix.stems.MemoryStem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StemAnalyzerTest {
    static AudioBuffer sine(double hz, double dbfs, double seconds, int channels, double fs) {
        int n = (int) (seconds * fs);
        float[][] x = new float[channels][n];
        double a = Math.pow(10, dbfs / 20);
        for (int c = 0; c < channels; c++) for (int i = 0; i < n; i++) x[c][i] = (float) (a * Math.sin(2 * Math.PI * hz * i / fs));
        return new AudioBuffer(x, fs);
    }

    @Test
    void aStereoSineAtMinus23DbfsMeasuresMinus23Lufs() {
        // EBU 3341 case 1: 1 kHz, -23 dBFS peak on both channels = -23 LUFS.
        StemAnalysis a = StemAnalyzer.analyze(new MemoryStem("s.wav", sine(1000, -23, 20, 2, 48000))).summary();
        assertEquals(-23.0, a.activeLoudnessLufs(), 0.3);
        assertEquals(-23.0, a.peakDbfs(), 0.01);
        assertEquals(3.0, a.crestDb(), 0.2);      // a sine's peak is 3 dB over its RMS
        assertEquals(1000, a.centroidHz(), 30);
        assertEquals(0, a.width(), 1e-6);
    }

    @Test
    void silenceBetweenPhrasesIsIgnored() {
        // 10 s of tone and 30 s of digital silence: the active loudness is the tone's.
        AudioBuffer tone = sine(500, -20, 10, 1, 44100);
        float[] x = new float[44100 * 40];
        System.arraycopy(tone.channel(0), 0, x, 0, tone.frames());
        StemAnalysis a = StemAnalyzer.analyze(new MemoryStem("m.wav", new AudioBuffer(new float[][]{x}, 44100))).summary();
        StemAnalysis b = StemAnalyzer.analyze(new MemoryStem("t.wav", tone)).summary();
        assertEquals(b.activeLoudnessLufs(), a.activeLoudnessLufs(), 0.1);
        assertEquals(0.25, a.activeFraction(), 0.02);
    }

    @Test
    void aOneShotShorterThanAGatingBlockIsMeasuredAtItsOwnLoudness() {
        // 250 ms of tone: no full 400 ms block, yet it is a sound, not silence, and as loud as a long tone.
        StemAnalysis shot = StemAnalyzer.analyze(new MemoryStem("shot.wav", sine(1000, -20, 0.25, 2, 48000))).summary();
        StemAnalysis tone = StemAnalyzer.analyze(new MemoryStem("tone.wav", sine(1000, -20, 5, 2, 48000))).summary();
        assertFalse(shot.silent());
        assertEquals(tone.activeLoudnessLufs(), shot.activeLoudnessLufs(), 0.2);
    }

    @Test
    void digitalSilenceIsSilentWithNoLoudness() {
        StemAnalysis a = StemAnalyzer.analyze(new MemoryStem("z.wav", AudioBuffer.allocate(2, 44100 * 3, 44100))).summary();
        assertNull(a.activeLoudnessLufs());
        assertTrue(a.silent());
    }

    @Test
    void lowBandShareAndPitchednessSeparateABassToneFromNoise() {
        StemAnalysis bass = StemAnalyzer.analyze(new MemoryStem("b.wav", sine(60, -12, 5, 1, 44100))).summary();
        assertTrue(bass.lowRatio() > 0.95);
        java.util.Random r = new java.util.Random(1);
        float[] n = new float[44100 * 5];
        for (int i = 0; i < n.length; i++) n[i] = (float) (0.1 * r.nextGaussian());
        StemAnalysis noise = StemAnalyzer.analyze(new MemoryStem("n.wav", new AudioBuffer(new float[][]{n}, 44100))).summary();
        assertTrue(noise.lowRatio() < 0.02, "white noise has ~0.7 % of its power below 150 Hz: " + noise.lowRatio());
        assertTrue(noise.pitchedness() < 0.3, "noise pitchedness " + noise.pitchedness());
        StemAnalysis tone = StemAnalyzer.analyze(new MemoryStem("t.wav", sine(220, -12, 5, 1, 44100))).summary();
        assertTrue(tone.pitchedness() > 0.8, "tone pitchedness " + tone.pitchedness());
    }

    @Test
    void leftRightBalanceAndWidthAreMeasured() {
        AudioBuffer s = sine(440, -12, 4, 2, 44100);
        s.applyGain(1);
        for (int i = 0; i < s.frames(); i++) s.channel(1)[i] *= 0.5f;    // right 6 dB down
        StemAnalysis a = StemAnalyzer.analyze(new MemoryStem("lr.wav", s)).summary();
        assertEquals(6.02, a.lrBalanceDb(), 0.05);
        assertEquals(1.0 / 10, a.width(), 0.01);        // side (0.25)^2 over mid (0.75)^2 + side
    }
}
