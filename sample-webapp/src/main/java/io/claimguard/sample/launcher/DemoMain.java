package io.claimguard.sample.launcher;

import io.claimguard.core.Mode;
import io.claimguard.sample.demo.Persona;

/**
 * The demo command ({@code mvn -Pdemo -DskipTests verify}): starts {@link DemoServer} on port 8080
 * or the next free one, prints the URL and a curl line per persona, and runs until Ctrl-C. With the
 * argument {@code report} ({@code -Dexec.args=report}) the policy is in report mode.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = mode(args);
        DemoServer demo = DemoServer.start(8080, DemoServer.moduleDirectory().resolve("target/demo"), mode);
        System.out.println(instructions(demo));
        demo.join();
    }

    private static Mode mode(String[] args) {
        if (args.length == 0 || args[0].equals(Mode.ENFORCE.code())) {
            return Mode.ENFORCE;
        }
        if (args.length == 1 && args[0].equals(Mode.REPORT.code())) {
            return Mode.REPORT;
        }
        throw new IllegalArgumentException("the demo takes one optional argument, enforce or report; got " + String.join(" ", args));
    }

    /** What the command prints: where to look and how to ask as each persona. */
    static String instructions(DemoServer demo) throws Exception {
        String base = demo.base().toString();
        StringBuilder text = new StringBuilder()
                .append("\nClaimGuard demo: the customer-support sample behind ClaimGuard\n\n")
                .append("  Browser: ").append(base).append("/demo/ (pick a persona: its view, masked cells marked)\n")
                .append("  Pages:   ").append(base).append("/customers (a token is needed here; in a browser, add the header with an extension)\n")
                .append("  API:     ").append(base).append("/api/customers\n")
                .append("  Log:     ").append(demo.logFile()).append(" (through %redact)\n\n");
        boolean report = demo.mode() == Mode.REPORT;
        if (report) {
            text.append("REPORT MODE: every persona gets the real values (below: what enforcement would show), refused\n")
                    .append("writes run, and requests without a valid token go through; the claimguard.audit lines in the\n")
                    .append("log say what enforcement would have done (would_mask, would_null, would_deny, would_reject).\n\n");
        }
        text.append("Ask as each persona (tokens last 15 minutes; a new one: curl ").append(base)
                .append("/demo/token?persona=agent):\n\n");
        for (Persona persona : Persona.values()) {
            text.append("  # ").append(persona.title()).append(" (").append(persona.subject()).append("): ")
                    .append(persona.sees()).append('\n')
                    .append("  curl -H 'Authorization: Bearer ").append(demo.token(persona)).append("' ")
                    .append(base).append("/api/customers/1\n\n");
        }
        return text.append(report ? "  # Without a token: let through, audited as would_reject\n" : "  # Without a token: 401\n")
                .append("  curl -i ").append(base).append("/api/customers/1\n\n")
                .append("Press Ctrl-C to stop.\n").toString();
    }
}
