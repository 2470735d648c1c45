package io.claimguard.logging.redaction;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The ASCII top-level domains in {@code top-level-domains.txt} (from the Public Suffix List). */
final class TopLevelDomains {

    private static final Set<String> ALL = load();

    private TopLevelDomains() {
    }

    static boolean contains(String label) {
        return ALL.contains(label.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        for (String line : Resources.lines("top-level-domains.txt")) {
            names.add(line);
        }
        return Set.copyOf(names);
    }
}
