package dev.groundwork.beat;

import dev.groundwork.beat.plan.BeatPlan;
import dev.groundwork.beat.render.RenderedBeat;
import dev.groundwork.beat.sound.DrumKit;
import dev.groundwork.beat.sound.LoadedKit;
import dev.groundwork.beat.sound.SampleKits;
import dev.groundwork.beat.sound.SoundFontRenderer;
import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import dev.groundwork.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SoundSourcesTest {
    static final int SR = 44100;

    /** A one-shot that is a decaying sine at f Hz with peak amplitude a, so each sample is recognisable. */
    static double oneShot(Path file, double f, double a) {
        float[] x = new float[SR / 5];
        for (int i = 0; i < x.length; i++) x[i] = (float) (a * Math.sin(2 * Math.PI * f * i / SR) * Math.exp(-i / (0.05 * SR)));
        AudioFiles.write(file, new AudioBuffer(new float[][]{x}, SR), OutputFormat.wav(OutputFormat.Encoding.FLOAT32));
        return peak(x);
    }

    static double peak(float[] x) {
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Test
    void aHydrogenKitLoadsWithVelocityLayersAndMuteGroups(@TempDir Path dir) throws Exception {
        double softPeak = oneShot(dir.resolve("kick_soft.wav"), 60, 0.3);
        double hardPeak = oneShot(dir.resolve("kick_hard.wav"), 60, 0.9);
        oneShot(dir.resolve("hh_closed.wav"), 5000, 0.5);
        oneShot(dir.resolve("hh_open.wav"), 6000, 0.5);
        Files.writeString(dir.resolve("drumkit.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <drumkit_info>
                  <name>Test Kit</name>
                  <instrumentList>
                    <instrument><id>0</id><name>Kick</name><volume>1</volume><midiOutNote>36</midiOutNote><muteGroup>-1</muteGroup>
                      <instrumentComponent><component_id>0</component_id>
                        <layer><filename>kick_soft.wav</filename><min>0</min><max>0.5</max><gain>1</gain></layer>
                        <layer><filename>kick_hard.wav</filename><min>0.5</min><max>1</max><gain>1</gain></layer>
                      </instrumentComponent>
                    </instrument>
                    <instrument><id>1</id><name>Hat Closed</name><midiOutNote>42</midiOutNote><muteGroup>3</muteGroup>
                      <layer><filename>hh_closed.wav</filename><min>0</min><max>1</max><gain>1</gain></layer>
                    </instrument>
                    <instrument><id>2</id><name>Hat Open</name><midiOutNote>46</midiOutNote><muteGroup>3</muteGroup>
                      <filename>hh_open.wav</filename>
                    </instrument>
                  </instrumentList>
                </drumkit_info>
                """);
        DrumKit kit = SampleKits.load(dir, SR);
        double soft = peak(kit.hit(36, 50)), hard = peak(kit.hit(36, 127));
        assertEquals(softPeak * Math.pow(50 / 127.0, 1.4), soft, 1e-4, "soft layer at low velocity");
        assertEquals(hardPeak, hard, 1e-4, "hard layer at full velocity");
        assertEquals(3, kit.muteGroup(42));
        assertEquals(kit.muteGroup(42), kit.muteGroup(46), "open hat is choked by the closed hat");
        assertNotNull(kit.hit(46, 100), "old layout: <filename> directly under <instrument>");
        assertNull(kit.hit(39, 100), "no clap, snare or rim in this kit: nothing to fall back to");
    }

    @Test
    void aKitThatLeavesItsFolderOrDeclaresADoctypeIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("drumkit.xml"),
                "<drumkit_info><instrumentList><instrument><name>Kick</name><filename>../../etc/passwd</filename></instrument></instrumentList></drumkit_info>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleKits.load(dir, SR));
        assertTrue(e.getMessage().contains("outside the kit folder"), e.getMessage());
        Files.writeString(dir.resolve("drumkit.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><drumkit_info>&e;</drumkit_info>");
        e = assertThrows(IllegalArgumentException.class, () -> SampleKits.load(dir, SR));
        assertTrue(e.getMessage().startsWith("drumkit.xml:"), e.getMessage());
        Files.writeString(dir.resolve("drumkit.xml"), "not xml at all");
        assertThrows(IllegalArgumentException.class, () -> SampleKits.load(dir, SR));
    }

    @Test
    void aFolderOfOneShotsBecomesAKitByTheirNames(@TempDir Path dir) {
        double kick = oneShot(dir.resolve("Kick 01.wav"), 55, 0.8);
        double snare = oneShot(dir.resolve("snare-tight.wav"), 200, 0.7);
        oneShot(dir.resolve("HiHat_Closed.wav"), 7000, 0.4);
        oneShot(dir.resolve("open hat.wav"), 7500, 0.4);
        DrumKit kit = SampleKits.load(dir, SR);
        assertEquals(kick, peak(kit.hit(36, 127)), 1e-4);
        assertEquals(snare, peak(kit.hit(38, 127)), 1e-4);
        assertEquals(snare, peak(kit.hit(39, 127)), 1e-4, "a clap falls back to the snare");
        assertEquals(kit.muteGroup(42), kit.muteGroup(46));
        // A beat rendered with the folder kit uses its samples.
        BeatPlan plan = BeatMaker.kit(BeatMaker.compose("house 124 bpm 4 bars", 1), dir);
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        assertTrue(peak(r.stem("kick").channel(0)) > 0.01);
    }

    /** A kit checked once (the studio's request) is recorded in each plan and played from memory, not read again per step. */
    @Test
    void aLoadedKitIsRecordedAndPlayedWithoutReadingItsFilesAgain(@TempDir Path dir) throws Exception {
        Path kitDir = Files.createDirectories(dir.resolve("my kit"));
        oneShot(kitDir.resolve("kick.wav"), 55, 0.8);
        oneShot(kitDir.resolve("snare.wav"), 200, 0.7);
        oneShot(kitDir.resolve("hat.wav"), 7000, 0.4);
        LoadedKit kit = LoadedKit.load(kitDir, SR);
        Path elsewhere = Files.createDirectories(dir.resolve("other"));
        oneShot(elsewhere.resolve("kick.wav"), 80, 0.8);
        LoadedKit other = LoadedKit.load(elsewhere, SR);
        for (Path f : new Path[]{kitDir.resolve("kick.wav"), kitDir.resolve("snare.wav"), kitDir.resolve("hat.wav"), kitDir}) Files.delete(f);

        // with the kit gone from disk, only the loaded one-shots can play it
        BeatPlan plan = BeatMaker.kit(BeatMaker.compose("house 124 bpm 2 bars", 1), kit);
        assertEquals(kitDir.toAbsolutePath().toString(), plan.kit(), "recorded as --kit records it");
        assertTrue(plan.reading().contains("edit: drum kit my kit"), plan.reading().toString());
        RenderedBeat fromMemory = BeatMaker.render(plan, kit, ProgressListener.NONE);
        // no kit, or another one, passed: the plan's kit is read from its path (and here it is gone)
        assertEquals("kit not found: " + kitDir.toAbsolutePath(),
                assertThrows(IllegalArgumentException.class, () -> BeatMaker.render(plan, ProgressListener.NONE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BeatMaker.render(plan, other, ProgressListener.NONE));

        // the same one-shots written back and read from the path play the same samples
        Files.createDirectories(kitDir);
        oneShot(kitDir.resolve("kick.wav"), 55, 0.8);
        oneShot(kitDir.resolve("snare.wav"), 200, 0.7);
        oneShot(kitDir.resolve("hat.wav"), 7000, 0.4);
        RenderedBeat fromDisk = BeatMaker.render(plan, ProgressListener.NONE);
        assertTrue(peak(fromMemory.stem("kick").channel(0)) > 0.01, "the kick plays");
        assertArrayEquals(fromDisk.mix().channel(0), fromMemory.mix().channel(0));
        assertEquals("kit not found: " + dir.resolve("none"),
                assertThrows(IllegalArgumentException.class, () -> LoadedKit.load(dir.resolve("none"), SR)).getMessage(), "the CLI's message");
    }

    @Test
    void anSf3SoundFontIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(56).put("sfbk".getBytes()).put("LIST".getBytes()).putInt(44).put("INFO".getBytes())
                .put("ifil".getBytes()).putInt(4).putShort((short) 3).putShort((short) 1);
        Path sf3 = dir.resolve("font.sf3");
        Files.write(sf3, b.array());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoundFontRenderer.check(sf3));
        assertTrue(e.getMessage().contains("SF3"), e.getMessage());
        Path junk = dir.resolve("junk.sf2");
        Files.writeString(junk, "hello");
        assertThrows(IllegalArgumentException.class, () -> SoundFontRenderer.check(junk));
    }

    @Test
    void anSf2SoundFontRendersThePitchedPartsOffline(@TempDir Path dir) throws Exception {
        // A General MIDI SF2 made in the test by the JDK's own Gervill (its emergency soundbank).
        Object bank = Class.forName("com.sun.media.sound.EmergencySoundbank").getMethod("createSoundbank").invoke(null);
        File sf2 = dir.resolve("gm.sf2").toFile();
        bank.getClass().getMethod("save", File.class).invoke(bank, sf2);
        BeatPlan plan = BeatMaker.soundfont(BeatMaker.compose("r&b 80 bpm C minor 2 bars, no drums", 1), sf2.toPath());
        RenderedBeat r = BeatMaker.render(plan, ProgressListener.NONE);
        for (String p : r.partNames()) {
            assertEquals(2, r.parts().stream().filter(x -> x.name().equals(p)).findFirst().orElseThrow().channels(), "SoundFont parts are stereo");
            assertTrue(peak(r.stem(p).channel(0)) > 1e-3, p + " is audible");
        }
        RenderedBeat again = BeatMaker.render(plan, ProgressListener.NONE);
        assertArrayEquals(r.mix().channel(0), again.mix().channel(0), "offline rendering is deterministic");
    }
}
