package dev.groundwork.beat.sound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstalledSoundsTest {
    @TempDir
    Path dir;

    @Test
    void listsKitFoldersWithADrumkitXmlAndSf2FilesSystemFirst() throws Exception {
        Path system = Files.createDirectories(dir.resolve("system")), user = Files.createDirectories(dir.resolve("user"));
        Files.createDirectories(system.resolve("Rock")).resolve("drumkit.xml").toFile().createNewFile();
        Files.createDirectories(system.resolve("Empty")); // no drumkit.xml: not a Hydrogen kit
        Files.createDirectories(user.resolve("Alpha Kit")).resolve("drumkit.xml").toFile().createNewFile();
        Files.writeString(system.resolve("notes.txt"), "x");
        List<InstalledSounds.Choice> kits = InstalledSounds.kits(List.of(system, user, dir.resolve("missing")));
        assertEquals(List.of(new InstalledSounds.Choice("Rock", system.resolve("Rock").toString(), "system"),
                new InstalledSounds.Choice("Alpha Kit", user.resolve("Alpha Kit").toString(), "user")), kits);

        Files.writeString(system.resolve("GM.SF2"), "x");
        Files.writeString(user.resolve("piano.sf3"), "x"); // compressed: the renderer refuses it, so it is not offered
        Files.writeString(user.resolve("keys.sf2"), "x");
        Files.createDirectories(user.resolve("folder.sf2"));
        assertEquals(List.of(new InstalledSounds.Choice("GM", system.resolve("GM.SF2").toString(), "system"),
                new InstalledSounds.Choice("keys", user.resolve("keys.sf2").toString(), "user")), InstalledSounds.soundfonts(List.of(system, user)));
    }
}
