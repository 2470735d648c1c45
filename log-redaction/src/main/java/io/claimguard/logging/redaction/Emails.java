package io.claimguard.logging.redaction;

/**
 * Email addresses, found from their {@code @}: a local part of up to 64 characters before it,
 * a domain of at least two labels after it whose last label is shaped like a top-level domain
 * (letters only, two or more, or an internationalised {@code xn--} label). Any such domain
 * counts, reserved and private ones ({@code .example}, {@code .test}, {@code .internal}) and new
 * ones alike: a list of known domains misses real addresses, and recall is this detector's job.
 * One label ({@code user@localhost}), a numeric last label ({@code lib@1.2.3}) and Java
 * annotations stay out, and the partial style's {@code j***@example.com} never matches again (no
 * {@code *} in the local part), so redacting twice changes nothing.
 */
final class Emails {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    private Emails() {
    }

    /** The end of the address around the {@code @} at {@code at}, or -1. Redacts it. */
    static int at(Scan s, int at) {
        int floor = Math.max(s.floor(), at - MAX_LOCAL);
        int start = at;
        while (start > floor && isLocalChar(s.text[start - 1])) {
            start--;
        }
        while (start < at && s.text[start] == '.') {
            start++;
        }
        if (start == at || s.text[at - 1] == '.') {
            return -1;
        }
        int p = at + 1;
        int limit = Math.min(s.length, p + MAX_DOMAIN);
        int labels = 0;
        int lastLabel = -1;
        int end = -1;
        while (p < limit) {
            int labelStart = p;
            while (p < limit && (Scan.isAlnum(s.text[p]) || s.text[p] == '-')) {
                p++;
            }
            int len = p - labelStart;
            if (len == 0 || len > MAX_LABEL || s.text[labelStart] == '-' || s.text[p - 1] == '-') {
                break;
            }
            labels++;
            lastLabel = labelStart;
            end = p;
            if (s.at(p) == '.' && Scan.isAlnum(s.at(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (labels < 2 || Scan.isAlnum(s.at(end)) || !isTopLevelShaped(s, lastLabel, end)) {
            return -1;
        }
        s.redact(start, end, Kind.EMAIL);
        return end;
    }

    /** Letters only, at least two, or an {@code xn--} label (an internationalised domain in ASCII). */
    private static boolean isTopLevelShaped(Scan s, int start, int end) {
        if (end - start > 4 && s.text[start + 2] == '-' && s.text[start + 3] == '-'
                && (s.text[start] | 0x20) == 'x' && (s.text[start + 1] | 0x20) == 'n') {
            return true;
        }
        if (end - start < 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.text[i];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalChar(char c) {
        return Scan.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
