package io.claimguard.logging.redaction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP credentials after their scheme word, wherever they appear (a header dump, a curl command,
 * an exception message): {@code Bearer <token>} and {@code Basic <base64>}. The scheme word stays
 * so the reader still knows what kind of credential was sent. To stay clear of prose ("a Bearer
 * token is required"), a Bearer credential must contain a digit or be at least 16 characters
 * long, and a Basic credential must decode to {@code user:password}.
 */
final class AuthSchemes {

    private static final int MIN_OPAQUE = 16;

    private AuthSchemes() {
    }

    /** At a word that may be a scheme: the end of the redacted credential, or -1. */
    static int at(Scan s, int wordStart, int wordEnd) {
        boolean bearer = wordEnd - wordStart == 6 && s.startsWithIgnoreCase(wordStart, "bearer");
        boolean basic = wordEnd - wordStart == 5 && s.startsWithIgnoreCase(wordStart, "basic");
        if (!bearer && !basic) {
            return -1;
        }
        int p = wordEnd;
        while (p < s.length && p - wordEnd < 3 && s.text[p] == ' ') {
            p++;
        }
        if (p == wordEnd) {
            return -1;
        }
        int end = credentialEnd(s, p);
        if (end - p < 8) {
            return -1;
        }
        boolean credential = bearer ? end - p >= MIN_OPAQUE || hasDigit(s, p, end) : decodesToUserAndPassword(s, p, end);
        if (!credential) {
            return -1;
        }
        s.redact(p, end, Kind.AUTH);
        return end;
    }

    /** The end of a token68 credential (RFC 9110): base64 and base64url letters, then '=' padding. */
    static int credentialEnd(Scan s, int p) {
        while (p < s.length) {
            char c = s.text[p];
            if (Scan.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/') {
                p++;
            } else {
                break;
            }
        }
        while (p < s.length && s.text[p] == '=') {
            p++;
        }
        return p;
    }

    private static boolean hasDigit(Scan s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Scan.isDigit(s.text[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodesToUserAndPassword(Scan s, int start, int end) {
        try {
            byte[] decoded = Base64.getDecoder().decode(s.substring(start, end));
            return new String(decoded, StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
