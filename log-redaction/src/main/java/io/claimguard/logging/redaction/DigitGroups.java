package io.claimguard.logging.redaction;

/**
 * A number as written in a line: digit groups joined by one kind of separator, as in
 * {@code 4111 1111 1111 1111}, {@code 123-45-6789} or {@code 555.123.4567}. Cards, SSNs and
 * phone numbers all start from this one reading of the digits. Reused within one {@link Scan}.
 */
final class DigitGroups {

    /** More groups than any card, SSN or phone number has; the reading stops there. */
    static final int MAX_GROUPS = 8;
    /** More digits than any card (19) or phone number (15) has. */
    static final int MAX_DIGITS = 20;

    final int[] starts = new int[MAX_GROUPS];
    final int[] ends = new int[MAX_GROUPS];
    int count;
    int digits;
    /** The separator between groups, or 0 for a single group. */
    char separator;

    /** Reads the groups starting at {@code start}, which holds a digit. */
    void read(Scan s, int start) {
        count = 0;
        digits = 0;
        separator = 0;
        int p = start;
        while (true) {
            int groupStart = p;
            while (p < s.length && Scan.isDigit(s.text[p])) {
                p++;
            }
            starts[count] = groupStart;
            ends[count] = p;
            count++;
            digits += p - groupStart;
            if (count == MAX_GROUPS || digits > MAX_DIGITS) {
                return;
            }
            char c = s.at(p);
            boolean joins = (c == ' ' || c == '-' || c == '.') && (separator == 0 || separator == c)
                    && Scan.isDigit(s.at(p + 1));
            if (!joins) {
                return;
            }
            separator = c;
            p++;
        }
    }

    int length(int group) {
        return ends[group] - starts[group];
    }

    /** Digits in groups 0..{@code last}. */
    int digitsThrough(int last) {
        int n = 0;
        for (int g = 0; g <= last; g++) {
            n += length(g);
        }
        return n;
    }

    /** The {@code index}-th digit (0-based) counting across groups; the caller keeps index below {@link #digits}. */
    int digit(Scan s, int index) {
        for (int g = 0; g < count; g++) {
            int len = length(g);
            if (index < len) {
                return s.text[starts[g] + index] - '0';
            }
            index -= len;
        }
        throw new IndexOutOfBoundsException(index);
    }

    /** The first {@code n} digits (n at most 9) as a number: brand prefixes, SSN areas. */
    int prefix(Scan s, int n) {
        int value = 0;
        for (int k = 0; k < n; k++) {
            value = value * 10 + digit(s, k);
        }
        return value;
    }
}
