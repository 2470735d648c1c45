package io.claimguard.sample.launcher;

import io.claimguard.sample.demo.Persona;

/**
 * The demo command ({@code mvn -Pdemo -DskipTests verify}): starts {@link DemoServer} on port 8080
 * or the next free one, prints the URL and a curl line per persona, and runs until Ctrl-C.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoServer demo = DemoServer.start(8080, DemoServer.moduleDirectory().resolve("target/demo"));
        System.out.println(instructions(demo));
        demo.join();
    }

    /** What the command prints: where to look and how to ask as each persona. */
    static String instructions(DemoServer demo) throws Exception {
        String base = demo.base().toString();
        StringBuilder text = new StringBuilder()
                .append("\nClaimGuard demo: the customer-support sample behind ClaimGuard\n\n")
                .append("  Pages:   ").append(base).append("/customers (a token is needed here too; in a browser, add the header with an extension)\n")
                .append("  API:     ").append(base).append("/api/customers\n")
                .append("  Log:     ").append(demo.logFile()).append(" (through %redact)\n\n")
                .append("Ask as each persona (tokens last 15 minutes; a new one: curl ").append(base)
                .append("/demo/token?persona=agent):\n\n");
        for (Persona persona : Persona.values()) {
            text.append("  # ").append(persona.title()).append(" (").append(persona.subject()).append("): ")
                    .append(persona.sees()).append('\n')
                    .append("  curl -H 'Authorization: Bearer ").append(demo.token(persona)).append("' ")
                    .append(base).append("/api/customers/1\n\n");
        }
        return text.append("  # Without a token: 401\n  curl -i ").append(base).append("/api/customers/1\n\n")
                .append("Press Ctrl-C to stop.\n").toString();
    }
}
