package dev.groundwork.cli;

import dev.groundwork.core.audio.AudioBuffer;
import dev.groundwork.core.audio.AudioFiles;
import dev.groundwork.core.audio.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every command shares: the top-level help and how a mistyped command line is reported. */
class MainTest {
    static Run run(String... args) { return Run.of(args); }

    /** Before: "Unmatched argument at index 0: 'mastr'", which does not say that a command was expected. */
    @Test
    void aMistypedCommandIsNamedWithTheCommandsToChooseFrom() {
        Run r = run("mastr", "in.wav", "-o", "out.wav");
        assertEquals(2, r.status());
        assertEquals("groundwork: unknown command 'mastr': choose one of analyze, master, beat, mix, produce, studio (see 'groundwork --help')",
                r.err().strip());
        assertEquals("", r.out());
        // help for a word that is no command says the same (picocli's own line was "Unknown subcommand 'mastr'.")
        Run help = run("help", "mastr");
        assertEquals(2, help.status());
        assertEquals("groundwork: unknown command 'mastr': choose one of analyze, master, beat, mix, produce, studio (see 'groundwork --help')",
                help.err().strip());
        // an unknown option before any command is still reported as an option
        Run opt = run("--bogus");
        assertEquals(2, opt.status());
        assertTrue(opt.err().startsWith("groundwork: Unknown option: '--bogus'"), opt.err());
    }

    /** Before: a usage error naming a path with a line break in it took two lines. */
    @Test
    void aUsageErrorStaysOneLineWhateverThePathHolds() {
        Run r = run("master", "in.wav", "-o", "x\ny.mp3");
        assertEquals(2, r.status());
        assertEquals("groundwork: output must end in .wav or .flac: x y.mp3", r.err().strip());
    }

    @Test
    void aMistypedOptionIsOneLineThatSaysWhereHelpIs() {
        Run r = run("master", "in.wav", "-o", "out.wav", "--bogus");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("groundwork: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("groundwork master --help"), r.err());

        Run bad = run("beat", "trap", "-o", "x", "--seed", "abc");
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("'abc'") && bad.err().contains("groundwork beat --help"), bad.err());
    }

    @Test
    void aWarningAboutAnInputIsPrintedOnceThoughTheJobReadsTheFileSeveralTimes(@TempDir Path dir) throws Exception {
        AudioBuffer b = MasterCommandTest.stereoSine(6, 0.3);
        Path whole = dir.resolve("whole.wav"), cut = dir.resolve("cut.wav");
        AudioFiles.write(whole, b, OutputFormat.wav(OutputFormat.Encoding.PCM16));
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2)); // the data chunk still claims 6 s

        Run r = run("master", cut.toString(), "-o", dir.resolve("m.wav").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("truncated")).count(), r.err());
        assertTrue(r.err().startsWith("warning: cut.wav: "), r.err());
    }

    /** Before: bare "groundwork" printed the usage on standard output and exited 0, as if a job had been done. */
    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStandardError() {
        Run r = run();
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: groundwork") && r.err().contains("Commands:"), r.err());
    }

    /** Before: the list cut analyze's description after "stereo correlation," (the first of two description lines). */
    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        Run r = run("--help");
        assertEquals(0, r.status());
        String list = r.out().substring(r.out().indexOf("Commands:"));
        // an entry is a line "  name  text" and its indented continuation lines
        for (String entry : list.split("\n(?=  \\S)")) {
            if (entry.startsWith("Commands:")) continue;
            String text = entry.replaceAll("\\s+", " ").strip();
            assertTrue(text.endsWith("."), "'" + text + "' in\n" + list);
        }
    }

    /** Before: no command's help had an example, and produce and beat showed picocli's --seed=<seed>, --target=<target>. */
    @Test
    void everyCommandsHelpEndsWithExamplesAndNamesItsValues() {
        for (String command : new String[]{"analyze", "master", "beat", "mix", "produce", "studio"}) {
            Run r = run(command, "--help");
            assertEquals(0, r.status());
            assertTrue(r.out().contains("Examples:\n  groundwork " + command + " "), r.out());
            assertFalse(r.out().contains("=<"), "a value without a name in:\n" + r.out());
            String examples = r.out().substring(r.out().indexOf("Examples:") + "Examples:".length()).strip();
            assertTrue(examples.lines().allMatch(l -> l.startsWith("groundwork " + command) || l.startsWith("  groundwork " + command)),
                    "an example wrapped onto a second line:\n" + examples);
        }
    }

    /** Before: "groundwork master -V" printed an empty line (only the top command had a version provider). */
    @Test
    void everyCommandPrintsTheVersion() {
        String top = run("-V").out().strip();
        assertTrue(top.startsWith("groundwork "), top);
        for (String command : new String[]{"analyze", "master", "beat", "mix", "produce", "studio"}) {
            Run r = run(command, "--version");
            assertEquals(0, r.status());
            assertEquals(top, r.out().strip(), command);
        }
    }

    @Test
    void aJobBuildsOnlyItsOwnCommandAndHelpSeesThemAll() {
        java.util.List<String> all = java.util.List.of("analyze", "master", "beat", "mix", "produce", "studio", "help");
        assertEquals(java.util.List.of("master"), java.util.List.copyOf(Main.commandLine(new String[]{"master", "in.wav", "-o", "out.wav"}).getSubcommands().keySet()));
        assertEquals(java.util.List.of("mix"), java.util.List.copyOf(Main.commandLine(new String[]{"--debug", "mix", "stems", "-o", "m.wav"}).getSubcommands().keySet()));
        for (String[] args : new String[][]{{}, {"--help"}, {"help", "master"}, {"mastr", "in.wav"}}) {
            assertEquals(all, java.util.List.copyOf(Main.commandLine(args).getSubcommands().keySet()), Arrays.toString(args));
        }
        // the one command built still takes the options every command inherits
        Run debug = run("--debug", "analyze", "/no/such/file.wav");
        assertEquals(1, debug.status());
        assertTrue(debug.err().contains("\tat "), "--debug before the command shows the stack trace: " + debug.err());
        Run after = run("analyze", "/no/such/file.wav", "--debug");
        assertTrue(after.err().contains("\tat "), "--debug after the command too: " + after.err());
        Run listed = run("--help");
        for (String c : all) assertTrue(listed.out().contains("  " + c + " "), c + " in " + listed.out());
    }
}
