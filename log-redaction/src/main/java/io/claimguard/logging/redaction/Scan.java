package io.claimguard.logging.redaction;

/**
 * One redaction of one line: the text, where the scan is, and the output built so far. The
 * output is only allocated at the first finding, so a clean line costs no copy and comes back as
 * the same String. Not shared between threads: each {@link Redactor#redact} call makes its own.
 */
final class Scan {

    final String text;
    final int length;
    private final Replacement replacement;
    private StringBuilder out;
    /** Everything before this index is already in {@code out}, or has been replaced there. */
    private int copied;
    private DigitGroups groups;

    Scan(String text, Replacement replacement) {
        this.text = text;
        this.length = text.length();
        this.replacement = replacement;
    }

    /** Lowest index a detector may still redact from: detectors that look backwards stop here. */
    int floor() {
        return copied;
    }

    /** Replaces {@code text[start, end)}; {@code start} is never before {@link #floor()}. */
    void redact(int start, int end, Kind kind) {
        begin(start);
        replacement.append(out, kind, kind.label, text, start, end);
        copied = end;
    }

    /** Copies the text not yet copied, up to {@code start}, into the output. */
    private void begin(int start) {
        if (out == null) {
            out = new StringBuilder(length + 32);
        }
        out.append(text, copied, start);
    }

    String result() {
        if (out == null) {
            return text;
        }
        out.append(text, copied, length);
        return out.toString();
    }

    /** The character at {@code i}, or 0 outside the text: detectors peek without bounds checks. */
    char at(int i) {
        return i >= 0 && i < length ? text.charAt(i) : 0;
    }

    DigitGroups digitGroups() {
        if (groups == null) {
            groups = new DigitGroups();
        }
        return groups;
    }

    boolean startsWith(int i, String prefix) {
        return text.startsWith(prefix, i);
    }

    boolean startsWithIgnoreCase(int i, String prefix) {
        return text.regionMatches(true, i, prefix, 0, prefix.length());
    }

    /** End of the run of {@code [A-Za-z0-9_.-]} from {@code i}: a word, a key name, a dotted or hyphenated id. */
    int wordEnd(int i) {
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 128 || !WORD[c]) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Whether {@code i} begins a token: the character before it is not part of a word, id or number. */
    boolean startsToken(int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return before >= 128 || !WORD[before];
    }

    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = isAlnum(c) || c == '_' || c == '.' || c == '-';
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    /** Base64url, the alphabet of JWT segments and most vendor tokens. */
    static boolean isTokenChar(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }
}
