package io.claimguard.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * An endless supply of distinct SQL texts made from one template: each call to {@link #next()}
 * advances a nine-digit number in place, written where the template has {@value #MARK}, and
 * returns the text as a new String. No text repeats within 900 million calls, so an analysis
 * cache keyed by the text never hits, however it chooses what to keep (a ring of pre-made texts
 * would be revisited, and a frequency-based cache such as Caffeine keeps part of any ring).
 *
 * <p>Making a text costs one copy of its bytes; {@code SqlAnalysisBenchmark.newText1k} measures
 * that cost on its own.
 */
final class UnseenTexts {
    /** Where the number goes in a template; nine characters wide, like the number. */
    static final String MARK = "#########";
    private static final int FIRST = 100_000_000;

    private final byte[] text;
    private final int digits;

    UnseenTexts(String template) {
        int at = template.indexOf(MARK);
        if (at < 0 || template.indexOf(MARK, at + 1) >= 0 || !template.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("the template needs one " + MARK + " and ASCII text only");
        }
        this.text = template.replace(MARK, Integer.toString(FIRST)).getBytes(StandardCharsets.ISO_8859_1);
        this.digits = at;
    }

    /** The next distinct text. */
    String next() {
        int i = digits + MARK.length() - 1;
        while (text[i] == '9') {
            if (i == digits) {
                throw new IllegalStateException("all 900 million texts used");
            }
            text[i--] = '0';
        }
        text[i]++;
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Length of every text, in characters. */
    int length() {
        return text.length;
    }
}
