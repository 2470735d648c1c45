package io.claimguard.logging.redaction;

/**
 * PEM private keys ({@code -----BEGIN RSA PRIVATE KEY-----}, {@code ... EC ...},
 * {@code ... OPENSSH ...}, {@code ... ENCRYPTED ...}, PKCS#8), from the BEGIN line through the
 * matching END line. A key whose END line is missing (a truncated message) is redacted to the
 * end of the text: the rest of it is key material too.
 */
final class PemKeys {

    private static final int MAX_LABEL = 64;

    private PemKeys() {
    }

    static int at(Scan s, int start) {
        if (!s.startsWith(start, "-----BEGIN ")) {
            return -1;
        }
        int labelEnd = s.substring(start + 11, Math.min(s.length, start + MAX_LABEL)).indexOf("-----");
        if (labelEnd < 0 || !s.substring(start + 11, start + 11 + labelEnd).endsWith("PRIVATE KEY")) {
            return -1;
        }
        labelEnd += start + 11;
        int endLine = s.indexOf("-----END ", labelEnd + 5);
        int end = s.length;
        if (endLine >= 0) {
            int close = s.indexOf("-----", endLine + 9);
            end = close < 0 ? s.length : close + 5;
        }
        s.redact(start, end, Kind.PRIVATE_KEY);
        return end;
    }
}
