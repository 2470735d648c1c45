package io.claimguard.logging.redaction;

/**
 * US Social Security numbers: {@code AAA-GG-SSSS} (hyphens or spaces), or nine bare digits when a
 * context word ({@code ssn}, {@code social security}) stands within the 40 characters before.
 * Numbers the SSA never issues are left alone: area 000, 666 or 900-999, group 00, serial 0000,
 * and the two numbers famous from advertising (078-05-1120, 219-09-9999).
 */
final class Ssns {

    private static final int CONTEXT_WINDOW = 40;

    private Ssns() {
    }

    static int match(Scan s, DigitGroups g) {
        boolean grouped = g.count >= 3 && g.length(0) == 3 && g.length(1) == 2 && g.length(2) == 4
                && (g.separator == '-' || g.separator == ' ') && !Scan.isAlnum(s.at(g.ends[2]))
                && !(g.count > 3 && g.separator == '-');
        boolean bare = g.length(0) == 9 && (g.count == 1 || g.separator == ' ') && !Scan.isAlnum(s.at(g.ends[0]))
                && contextBefore(s, g.starts[0]);
        if (!grouped && !bare) {
            return -1;
        }
        int area = g.prefix(s, 3);
        int group = g.prefix(s, 5) % 100;
        int serial = g.prefix(s, 9) % 10000;
        boolean issued = area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
                && !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);
        return issued ? g.ends[grouped ? 2 : 0] : -1;
    }

    private static boolean contextBefore(Scan s, int start) {
        for (int i = Math.max(0, start - CONTEXT_WINDOW); i < start; i++) {
            char c = s.text[i];
            if ((c == 's' || c == 'S') && s.startsWithIgnoreCase(i, "ssn")
                    || (c == 's' || c == 'S') && s.startsWithIgnoreCase(i, "social")) {
                return true;
            }
        }
        return false;
    }
}
