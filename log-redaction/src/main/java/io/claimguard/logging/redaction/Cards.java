package io.claimguard.logging.redaction;

/**
 * Payment card numbers: 12 to 19 digits, written whole or in groups of 3 to 6 digits joined by
 * spaces or hyphens (one kind per number), whose brand prefix allows that length and whose Luhn
 * check digit is right. When groups run on ({@code 4111 1111 1111 1111 2024}) the longest valid
 * leading part is taken.
 */
final class Cards {

    private Cards() {
    }

    /** The end of the card number the groups start with, or -1. */
    static int match(Scan s, DigitGroups g) {
        if (g.separator == '.') {
            return -1;
        }
        for (int last = g.count - 1; last >= 0; last--) {
            int digits = g.digitsThrough(last);
            if (digits < 12 || digits > 19 || !groupsLookLikeACard(g, last)) {
                continue;
            }
            if (last == g.count - 1 && Scan.isAlnum(s.at(g.ends[last]))) {
                continue;
            }
            if (luhn(s, g, digits) && brandAllows(g.prefix(s, 6), digits)) {
                return g.ends[last];
            }
        }
        return -1;
    }

    private static boolean groupsLookLikeACard(DigitGroups g, int last) {
        if (last == 0) {
            return true;
        }
        for (int k = 0; k <= last; k++) {
            int len = g.length(k);
            if (len > 6 || len < (k == last ? 3 : 4)) {
                return false;
            }
        }
        return true;
    }

    /** The Luhn check over the first {@code digits} digits, read group by group from the last one. */
    static boolean luhn(Scan s, DigitGroups g, int digits) {
        int sum = 0;
        boolean doubled = false;
        int seen = 0;
        int last = 0;
        while (seen + g.length(last) < digits) {
            seen += g.length(last++);
        }
        int lastEnd = g.starts[last] + (digits - seen);
        for (int group = last; group >= 0; group--) {
            int end = group == last ? lastEnd : g.ends[group];
            for (int p = end - 1; p >= g.starts[group]; p--) {
                int d = s.text[p] - '0';
                if (doubled) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
                doubled = !doubled;
            }
        }
        return sum % 10 == 0;
    }

    /** Issuer ranges by their first six digits (IIN), with the lengths each brand issues. */
    static boolean brandAllows(int iin6, int length) {
        int p1 = iin6 / 100000;
        int p2 = iin6 / 10000;
        int p3 = iin6 / 1000;
        int p4 = iin6 / 100;
        if (p1 == 4) { // Visa
            return length == 13 || length == 16 || length == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) { // Mastercard
            return length == 16;
        }
        if (p2 == 34 || p2 == 37) { // American Express
            return length == 15;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (iin6 >= 622126 && iin6 <= 622925)) { // Discover
            return length >= 16 && length <= 19;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) { // Diners Club
            return length >= 14 && length <= 19;
        }
        if (p4 >= 3528 && p4 <= 3589) { // JCB
            return length >= 16 && length <= 19;
        }
        if (p2 == 62) { // UnionPay
            return length >= 16 && length <= 19;
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) { // Maestro
            return length >= 12 && length <= 19;
        }
        return false;
    }
}
