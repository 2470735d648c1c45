package io.claimguard.sample;

/** Entry point of the demo command; the sample application arrives with its own issue. */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        System.out.println("ClaimGuard demo: coming soon. The sample webapp (servlets on H2 behind the JWT filter) "
                + "is not built yet; run the tests with: mvn -B verify");
    }
}
