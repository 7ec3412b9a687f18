package dev.groundwork.beat.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The drum kits and SoundFonts installed where Linux packages and their users put them, for a chooser to offer:
 * Hydrogen kits (a folder holding drumkit.xml) under {@code /usr/share/hydrogen/data/drumkits} and
 * {@code ~/.hydrogen/data/drumkits}, SF2 files under {@code /usr/share/sounds/sf2} and {@code ~/.local/share/sounds/sf2}.
 * Listing only looks at names; {@link SampleKits#load} and {@link SoundFontRenderer#check} check the one that is chosen.
 */
public final class InstalledSounds {
    /** Folders listed at most per root, so a huge folder cannot stall a page. */
    public static final int MAX_PER_ROOT = 500;

    private InstalledSounds() { }

    /** An installed kit or SoundFont: the name to show, its absolute path, and whether it is the system's or the user's. */
    public record Choice(String name, String path, String source) { }

    public static List<Path> kitRoots(Path home) {
        return List.of(Path.of("/usr/share/hydrogen/data/drumkits"), home.resolve(".hydrogen/data/drumkits"));
    }

    public static List<Path> soundfontRoots(Path home) {
        return List.of(Path.of("/usr/share/sounds/sf2"), home.resolve(".local/share/sounds/sf2"));
    }

    /** Hydrogen kits: each folder of a root that holds a drumkit.xml, named by its folder, sorted by name within a root. */
    public static List<Choice> kits(List<Path> roots) {
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            for (Path dir : entries(roots.get(i))) {
                if (Files.isRegularFile(dir.resolve("drumkit.xml"))) out.add(new Choice(dir.getFileName().toString(), dir.toString(), source(i)));
            }
        }
        return out;
    }

    /** SF2 files of each root (SF3 is left out: the renderer refuses it), sorted by name within a root. */
    public static List<Choice> soundfonts(List<Path> roots) {
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            for (Path f : entries(roots.get(i))) {
                String name = f.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".sf2") && Files.isRegularFile(f)) {
                    out.add(new Choice(name.substring(0, name.length() - 4), f.toString(), source(i)));
                }
            }
        }
        return out;
    }

    /** The first root is the system's, the others the user's. */
    private static String source(int root) { return root == 0 ? "system" : "user"; }

    private static List<Path> entries(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.map(Path::toAbsolutePath).sorted().limit(MAX_PER_ROOT).toList();
        } catch (IOException e) {
            return List.of(); // an unreadable folder offers nothing; a typed path still gets the loader's own message
        }
    }
}
