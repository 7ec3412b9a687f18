package dev.groundwork.beat.sound;

import dev.groundwork.beat.perform.PerformedNote;
import dev.groundwork.beat.plan.Part;
import dev.groundwork.beat.plan.Role;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders a part through an SF2 SoundFont with the JDK's own software synthesizer (Gervill),
 * offline: events are timestamped and the synthesizer's audio stream is read as fast as it
 * renders. SF3 (Ogg-compressed samples) is refused, because Gervill loads it without complaint
 * and plays noise.
 */
public final class SoundFontRenderer {
    public static final long MAX_BYTES = 2L << 30;
    private static final int BEND_RANGE = 12;

    private SoundFontRenderer() { }

    /** Checks the file is an SF2 (RIFF sfbk, version 2.x) before anything loads it. */
    public static void check(Path sf) {
        try {
            if (!Files.isRegularFile(sf)) throw new IllegalArgumentException("SoundFont not found: " + sf);
            long size = Files.size(sf);
            if (size > MAX_BYTES) throw new IllegalArgumentException(sf.getFileName() + ": SoundFont larger than 2 GB");
            byte[] head = new byte[64];
            int n;
            try (InputStream in = Files.newInputStream(sf)) { n = in.readNBytes(head, 0, head.length); }
            if (n < 24 || head[0] != 'R' || head[1] != 'I' || head[2] != 'F' || head[3] != 'F'
                    || head[8] != 's' || head[9] != 'f' || head[10] != 'b' || head[11] != 'k') {
                throw new IllegalArgumentException(sf.getFileName() + ": not an SF2 SoundFont (no RIFF sfbk header)");
            }
            // LIST INFO starts at 12; its first sub-chunk is normally "ifil" with the major version.
            for (int i = 12; i + 12 <= n; i++) {
                if (head[i] == 'i' && head[i + 1] == 'f' && head[i + 2] == 'i' && head[i + 3] == 'l') {
                    int major = (head[i + 8] & 0xff) | (head[i + 9] & 0xff) << 8;
                    if (major >= 3) {
                        throw new IllegalArgumentException(sf.getFileName() + ": SF3 (compressed) SoundFonts are not supported;"
                                + " convert it to SF2 first (e.g. with Polyphone) or use an SF2 such as FluidR3_GM.sf2");
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SoundFont " + sf.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Checks and loads a SoundFont once; render every part from the returned bank. */
    public static Soundbank load(Path sf) {
        check(sf);
        try {
            return MidiSystem.getSoundbank(sf.toFile());
        } catch (javax.sound.midi.InvalidMidiDataException | IOException | RuntimeException e) {
            throw new IllegalArgumentException(sf.getFileName() + ": not a readable SF2 SoundFont (" + e.getMessage() + ")", e);
        }
    }

    public static float[][] renderPart(Soundbank bank, Part part, List<PerformedNote> notes, int sr, int frames) {
        Synthesizer synth;
        AudioInputStream stream;
        try {
            synth = MidiSystem.getSynthesizer();
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.isInstance(synth)) throw new IllegalStateException("the JDK's synthesizer cannot render offline");
            Method open = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
            AudioFormat fmt = new AudioFormat(sr, 16, 2, true, false);
            stream = (AudioInputStream) open.invoke(synth, fmt, Map.of("interpolation", "linear", "max polyphony", 128));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("SoundFont rendering needs Java started with"
                    + " --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED (the groundwork launcher does this)");
        } catch (ReflectiveOperationException | javax.sound.midi.MidiUnavailableException e) {
            throw new IllegalStateException("the JDK's synthesizer is not available: " + e.getMessage(), e);
        }
        try {
            if (synth.getDefaultSoundbank() != null) synth.unloadAllInstruments(synth.getDefaultSoundbank());
            if (!synth.loadAllInstruments(bank)) throw new IllegalArgumentException("SoundFont '" + bank.getName() + "': no instruments could be loaded");
            Receiver rx = synth.getReceiver();
            int ch = part.role() == Role.DRUMS ? 9 : part.midiChannel() == 9 ? 0 : part.midiChannel();
            List<long[]> events = new ArrayList<>(); // {micros, order, status, d1, d2}
            int order = 0;
            if (part.role() != Role.DRUMS) {
                events.add(new long[]{0, order++, ShortMessage.PROGRAM_CHANGE, Math.max(0, part.midiProgram()), 0});
                for (int[] cc : new int[][]{{101, 0}, {100, 0}, {6, BEND_RANGE}, {38, 0}}) {
                    events.add(new long[]{0, order++, ShortMessage.CONTROL_CHANGE, cc[0], cc[1]});
                }
            }
            for (PerformedNote n : notes) {
                long on = Math.round(n.startSeconds() * 1e6);
                long off = Math.round((n.startSeconds() + n.lengthSeconds()) * 1e6);
                if (n.glideFrom() != null) {
                    double glide = Math.min(0.09, n.lengthSeconds() * 0.5);
                    for (int k = 0; k <= 8; k++) {
                        double frac = (n.glideFrom() - n.pitch()) / (double) BEND_RANGE * (1 - k / 8.0);
                        int v = (int) Math.round(8192 + Math.max(-1, Math.min(1, frac)) * 8191);
                        events.add(new long[]{on + Math.round(glide * 1e6 * k / 8), order++, ShortMessage.PITCH_BEND, v & 0x7f, v >> 7});
                    }
                }
                events.add(new long[]{on, order++, ShortMessage.NOTE_ON, n.pitch(), n.velocity()});
                events.add(new long[]{off, order++, ShortMessage.NOTE_OFF, n.pitch(), 0});
            }
            events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[2] == ShortMessage.NOTE_OFF ? 0 : 1)
                    .thenComparingLong(e -> e[1]));
            for (long[] e : events) rx.send(new ShortMessage((int) e[2], ch, (int) e[3], (int) e[4]), e[0]);
            byte[] bytes = new byte[frames * 4];
            int read = 0;
            while (read < bytes.length) {
                int r = stream.read(bytes, read, bytes.length - read);
                if (r < 0) break;
                read += r;
            }
            float[][] out = new float[2][frames];
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                out[0][i] = bb.getShort(i * 4) / 32768f;
                out[1][i] = bb.getShort(i * 4 + 2) / 32768f;
            }
            return out;
        } catch (IOException | javax.sound.midi.InvalidMidiDataException | javax.sound.midi.MidiUnavailableException e) {
            throw new IllegalArgumentException("cannot render with SoundFont '" + bank.getName() + "': " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }
}
