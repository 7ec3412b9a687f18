package dev.groundwork.cli;

import dev.groundwork.studio.StudioServer;
import dev.groundwork.studio.StudioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Start the local studio page to listen, compare, choose and tweak.",
                "Projects are plain folders in the workspace; every choice goes into the",
                "project's decision log. Stop it with Ctrl+C."},
        footerHeading = "%nExamples:%n",
        footer = {"  groundwork studio                  (then open http://127.0.0.1:7870/)",
                "  groundwork studio --port 0 --workspace ~/music/projects"})
public final class StudioCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port = StudioSettings.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default ${DEFAULT-VALUE}, this machine only).")
    String host = StudioSettings.LOOPBACK;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Folder holding the projects (default ~/groundwork-studio).")
    Path workspace;

    @Option(names = "--max-upload-mb", paramLabel = "MB", description = "Largest upload accepted (default ${DEFAULT-VALUE} MB).")
    long maxUploadMb = StudioSettings.DEFAULT_MAX_UPLOAD_BYTES / (1024 * 1024);

    @Option(names = "--jobs", paramLabel = "N", description = "Jobs that run at once, 1..16 (default ${DEFAULT-VALUE}); more wait in a queue of 8.")
    int jobs = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new UsageException("--port must be 0..65535, not " + port);
        if (maxUploadMb < 1 || maxUploadMb > 1024L * 1024) throw new UsageException("--max-upload-mb must be at least 1, not " + maxUploadMb);
        if (jobs < 1 || jobs > 16) throw new UsageException("--jobs must be 1..16, not " + jobs);
        StudioSettings settings = new StudioSettings(host, port, workspace == null ? StudioSettings.defaultWorkspace() : workspace,
                maxUploadMb * 1024 * 1024, jobs, 8);
        new OverwriteGuard().folder(settings.workspace()); // projects, uploads and renders all go there
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!settings.loopbackOnly()) {
            err.println("groundwork: warning: --host " + host + " makes the studio reachable from other machines; "
                    + "anyone who can reach it can upload files and run jobs. Use it only on a network you trust.");
            err.flush();
        }
        StudioServer server;
        try {
            server = new StudioServer(settings).start();
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("bind") || m.contains("in use") || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("in use"))) {
                throw new IllegalStateException("port " + port + " is in use; choose another with --port N", e);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "studio-shutdown"));
        out.println("groundwork studio: " + server.url());
        out.println("workspace: " + server.workspace().root());
        out.println("press Ctrl+C to stop");
        out.flush();
        stopped.await();
        return 0;
    }
}
