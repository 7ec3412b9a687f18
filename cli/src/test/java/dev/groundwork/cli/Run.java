package dev.groundwork.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in process, as the tests see it: exit status, standard output and standard error. */
record Run(int status, String out, String err) {
    static Run of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }
}
