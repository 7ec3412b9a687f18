package dev.groundwork.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's launcher, {@code ./groundwork}, against the jar this build packaged (failsafe runs it after the package
 * phase): the first run records the start-up archive for this JDK, later runs map it, and the JVM gets the launcher's flags.
 * It changes nothing a user's run would not: the archive lands in cli/target, where the launcher keeps it.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = ROOT.resolve("cli/target/groundwork.jar");

    record Run(int status, String out, String err) { }

    private static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("groundwork").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("GROUNDWORK_CDS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out"), err = Files.createTempFile("launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher finished");
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The launcher would rebuild (a Maven build inside this one) if any source were newer than the jar: then there is nothing to test. */
    private static boolean jarIsFresh() throws IOException {
        if (!Files.isRegularFile(JAR)) return false;
        FileTime built = Files.getLastModifiedTime(JAR);
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> !f.startsWith(ROOT.resolve("bench")) && !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .filter(f -> f.toString().endsWith(".java") || f.getFileName().toString().equals("pom.xml") || f.toString().contains("/src/main/resources/"))
                    .noneMatch(f -> {
                        try { return Files.getLastModifiedTime(f).compareTo(built) > 0; } catch (IOException e) { return false; }
                    });
        }
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> s = Files.list(JAR.getParent())) {
            return s.filter(f -> f.getFileName().toString().matches("groundwork-\\d+\\.(jsa|aot|failed)")).toList();
        }
    }

    @Test
    void theFirstRunRecordsTheStartUpArchiveAndLaterRunsMapItWithTheLaunchersFlags() throws Exception {
        assumeTrue(jarIsFresh(), "the jar is older than a source: the launcher would rebuild it");
        for (Path a : archives()) Files.delete(a);

        Run first = launch(Map.of(), "--version");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().startsWith("groundwork "), first.out());
        assertTrue(first.err().contains("preparing a faster start"), first.err());
        List<Path> made = archives();
        assertEquals(1, made.size(), made.toString());
        assertFalse(made.get(0).toString().endsWith(".failed"), "the training recorded an archive: " + made);
        assertTrue(Files.size(made.get(0)) > 1_000_000, made.get(0) + ": " + Files.size(made.get(0)) + " bytes");

        // a static class-data archive on every JDK: -Xshare:on fails the JVM unless it maps
        assertTrue(made.get(0).toString().endsWith(".jsa"), made.toString());
        Run mapped = launch(Map.of("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info -XX:+PrintCommandLineFlags"), "--version");
        assertEquals(0, mapped.status(), mapped.err());
        assertFalse(mapped.err().contains("preparing"), "recorded once: " + mapped.err());
        assertTrue(mapped.out().contains("dev.groundwork.cli.Main source: shared objects file"), "groundwork's classes from the archive");
        // picocli's Java 5 class files: on JDK 17 only a static dump archives them, one reason the launcher makes one (JDK 25's
        // dump links them first and then leaves them out: "Old class has been linked")
        if (Runtime.version().feature() < 25) {
            assertTrue(mapped.out().contains("picocli.CommandLine source: shared objects file"), "picocli from the archive");
        }
        assertTrue(mapped.out().contains("-XX:Tier3MinInvocationThreshold=1") && mapped.out().contains("-XX:Tier4MinInvocationThreshold=1"),
                "the JIT flags reach the JVM");
        boolean avx512 = Files.exists(Path.of("/proc/cpuinfo"))
                && java.util.regex.Pattern.compile("\\bavx512f\\b").matcher(Files.readString(Path.of("/proc/cpuinfo"))).find();
        assertEquals(avx512, mapped.out().contains("-XX:MaxVectorSize=32"), "256-bit vectors exactly where the JVM would pick 512");
        assertFalse(mapped.err().contains("MaxVectorSize"), "no warning about the vector size: " + mapped.err());
        // a small young generation only where the JVM picks the Serial collector (one processor)
        boolean oneCpu = Runtime.getRuntime().availableProcessors() < 2;
        assertEquals(oneCpu, mapped.out().contains("-XX:MaxNewSize=16777216"), "-Xmn16m exactly on one processor: " + mapped.out());
        if (!oneCpu && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            ProcessBuilder pinned = new ProcessBuilder("/usr/bin/taskset", "-c", "0", ROOT.resolve("groundwork").toString(), "--version")
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            pinned.environment().remove("GROUNDWORK_CDS");
            pinned.environment().put("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
            Process p = pinned.start();
            p.getOutputStream().close();
            String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the pinned launcher finished");
            assertEquals(0, p.exitValue(), flags);
            assertTrue(flags.contains("-XX:MaxNewSize=16777216"), "pinned to one processor, the launcher asks for -Xmn16m: " + flags);
        }

        // GROUNDWORK_CDS=0: no archive, the same answer
        Run plain = launch(Map.of("GROUNDWORK_CDS", "0"), "--version");
        assertEquals(0, plain.status(), plain.err());
        assertEquals(first.out(), plain.out());
    }
}
