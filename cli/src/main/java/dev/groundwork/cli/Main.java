package dev.groundwork.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.groundwork.core.audio.AudioFiles;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Entry point. Exit 0 on success, 2 for a usage error, 1 for any other failure, with one clear
 * line on standard error; {@code --debug} adds the stack trace.
 */
@Command(name = "groundwork",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
                "The technical groundwork of a record, on your own machine: measure, master, mix and make beats.",
                "Every job proposes a plan you can read and edit (--plan / --from-plan) before it renders."},
        // the subcommands are added by commandLine(args): see there
        subcommands = {})
public final class Main implements java.util.concurrent.Callable<Integer> {
    /**
     * The commands, in the order the usage lists them. Picocli builds a command's model by reading its annotations
     * reflectively, before the JIT has compiled anything: about 0.3 s on one processor for all of them, most of a
     * short command's run and a tenth of a master's. A job builds only its own command; help, a bare or unknown
     * command name get them all.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = new java.util.LinkedHashMap<>();
    static {
        COMMANDS.put("analyze", AnalyzeCommand::new);
        COMMANDS.put("master", MasterCommand::new);
        COMMANDS.put("beat", BeatCommand::new);
        COMMANDS.put("mix", MixCommand::new);
        COMMANDS.put("produce", ProduceCommand::new);
        COMMANDS.put("studio", StudioCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command is a usage error like a mistyped one: the usage goes to standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit status (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        AudioFiles.setWarningSink(onceEach(err));
        CommandLine cl = commandLine(args);
        // -V on a command (groundwork master -V) prints the same version as on groundwork itself, not an empty line
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> 1);
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line, like every other error: what was wrong, then where the options are explained
            String what = unknownCommand(ex);
            err.println("groundwork: " + (what != null ? what : oneLine(ex)) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("groundwork: " + oneLine(ex)); // a path may hold a line break
                err.flush();
                return 2;
            }
            err.println("groundwork: " + oneLine(ex));
            if (debug) ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    /** The command line with the subcommands this invocation can reach (see {@link #COMMANDS}). */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String named = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                named = a;
                break;
            }
        }
        boolean one = named != null && COMMANDS.containsKey(named) && !named.equals("help");
        for (var c : COMMANDS.entrySet()) if (!one || c.getKey().equals(named)) cl.addSubcommand(c.getKey(), c.getValue().get());
        return cl;
    }

    /** A job may read an input several times (measure, then render); its warnings are news only the first time. */
    static Consumer<String> onceEach(PrintWriter err) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return warning -> {
            if (seen.add(warning)) {
                err.println("warning: " + warning);
                err.flush();
            }
        };
    }

    /** "unknown command 'mastr'" with the commands to choose from, for a first word (or help's word) that is no command; else null. */
    static String unknownCommand(CommandLine.ParameterException ex) {
        if (ex.getCommandLine().getParent() != null) return null;
        String name;
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            java.util.List<String> unmatched = u.getUnmatched();
            if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) return null;
            name = unmatched.get(0);
        } else if (ex.getValue() != null && String.valueOf(ex.getMessage()).startsWith("Unknown subcommand")) {
            name = ex.getValue(); // groundwork help mastr: picocli's help command names the word it did not know
        } else {
            return null;
        }
        java.util.List<String> commands = COMMANDS.keySet().stream().filter(c -> !c.equals("help")).toList();
        return "unknown command '" + name + "': choose one of " + String.join(", ", commands);
    }

    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) m = ex.getClass().getSimpleName();
        if (ex instanceof OutOfMemoryError) m = "out of memory; give Java more heap (JAVA_OPTS=-Xmx4g) or use a shorter file";
        return m.replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"groundwork " + (v == null ? "dev" : v)};
        }
    }
}
