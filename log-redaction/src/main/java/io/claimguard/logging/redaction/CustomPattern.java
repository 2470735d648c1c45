package io.claimguard.logging.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's own pattern ({@code pattern=ORDER_REF:ORD-[0-9]{8}}): every match becomes
 * {@code [REDACTED:ORDER_REF]} (or its keyed hash). It runs as one regex pass over the line after
 * the built-in scan, so each costs what a {@code %replace} would; its worst case is the user's
 * regex's.
 */
final class CustomPattern {

    final String label;
    private final Pattern pattern;

    CustomPattern(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    String apply(String text, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        do {
            if (m.end() == m.start()) {
                continue; // an empty match hides nothing
            }
            out.append(text, copied, m.start());
            replacement.append(out, null, label, m.group());
            copied = m.end();
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }
}
