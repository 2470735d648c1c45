package io.claimguard.logging.redaction;

/**
 * Tokens whose vendors give them a recognisable prefix and length, so that they are found even
 * with no key name next to them: AWS access key ids ({@code AKIA} + 16), Google API keys
 * ({@code AIza} + 35), GitHub ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_}, {@code github_pat_}), Slack ({@code xoxb-} and friends) and Stripe secret and
 * restricted keys and webhook secrets. Publishable Stripe keys ({@code pk_}) are public by design.
 */
final class KnownTokens {

    private KnownTokens() {
    }

    static int at(Scan s, int start) {
        if (!hasVendorPrefix(s, start)) {
            return -1;
        }
        int end = start;
        while (end < s.length && Scan.isTokenChar(s.text[end])) {
            end++;
        }
        int len = end - start;
        boolean found = switch (s.text[start]) {
            case 'A' -> (len == 20 && (s.startsWith(start, "AKIA") || s.startsWith(start, "ASIA")
                            || s.startsWith(start, "ABIA") || s.startsWith(start, "ACCA")) && upperOrDigits(s, start, end))
                    || (len == 39 && s.startsWith(start, "AIza"));
            case 'g' -> (len >= 34 && s.startsWith(start, "gh") && "pousr".indexOf(s.at(start + 2)) >= 0 && s.at(start + 3) == '_')
                    || (len >= 33 && s.startsWith(start, "github_pat_"));
            case 'x' -> len >= 15 && s.startsWith(start, "xox") && "abposr".indexOf(s.at(start + 3)) >= 0 && s.at(start + 4) == '-';
            case 's', 'r' -> len >= 24 && (s.startsWith(start + 1, "k_live_") || s.startsWith(start + 1, "k_test_"));
            case 'w' -> len >= 26 && s.startsWith(start, "whsec_");
            default -> false;
        };
        if (!found || s.at(end) == '.' && Scan.isAlnum(s.at(end + 1))) {
            return -1;
        }
        s.redact(start, end, Kind.TOKEN);
        return end;
    }

    private static boolean hasVendorPrefix(Scan s, int start) {
        return switch (s.text[start]) {
            case 'A' -> s.at(start + 1) == 'K' || s.at(start + 1) == 'S' || s.at(start + 1) == 'B' || s.at(start + 1) == 'C'
                    || s.at(start + 1) == 'I';
            case 'g' -> s.at(start + 1) == 'h' || s.at(start + 1) == 'i';
            case 'x' -> s.at(start + 1) == 'o';
            case 's', 'r' -> s.at(start + 1) == 'k' && s.at(start + 2) == '_';
            case 'w' -> s.at(start + 1) == 'h';
            default -> false;
        };
    }

    private static boolean upperOrDigits(Scan s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.text[i];
            if (!Scan.isUpper(c) && !Scan.isDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
