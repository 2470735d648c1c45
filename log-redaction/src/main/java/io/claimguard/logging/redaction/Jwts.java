package io.claimguard.logging.redaction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON Web Tokens, signed (three segments) or encrypted (five), found by the {@code eyJ} every
 * JSON header starts with in base64url. The header must decode to a JSON object with an
 * {@code alg} member, so words that merely start with {@code eyJ} stay.
 */
final class Jwts {

    /** Real headers are well under this; it bounds the decoding work per candidate. */
    private static final int MAX_HEADER = 2048;

    private Jwts() {
    }

    static int at(Scan s, int start) {
        if (!s.startsWith(start, "eyJ")) {
            return -1;
        }
        int p = start;
        int dots = 0;
        int firstDot = -1;
        while (p < s.length) {
            char c = s.text[p];
            if (c == '.') {
                if (dots == 0) {
                    firstDot = p;
                }
                dots++;
            } else if (!Scan.isTokenChar(c)) {
                break;
            }
            p++;
        }
        int end = p;
        if (dots == 3 && s.text[end - 1] == '.') { // a signed token at the end of a sentence
            end--;
            dots = 2;
        }
        if ((dots != 2 && dots != 4) || firstDot - start > MAX_HEADER || s.text[firstDot + 1] == '.') {
            return -1;
        }
        if (!headerHasAlg(s.substring(start, firstDot))) {
            return -1;
        }
        s.redact(start, end, Kind.JWT);
        return end;
    }

    private static boolean headerHasAlg(String encoded) {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64url) {
            return false;
        }
        String header = new String(json, StandardCharsets.UTF_8).strip();
        return header.startsWith("{") && header.contains("\"alg\"");
    }
}
