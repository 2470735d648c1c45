package io.claimguard.logging.redaction;

import java.util.HashMap;
import java.util.Map;

/**
 * International bank account numbers: a country code with a known IBAN length
 * ({@code iban-lengths.txt}), two check digits, and the account part, written compact or in
 * groups of four separated by single spaces, whose ISO 7064 mod-97 remainder is 1.
 */
final class Ibans {

    /** By {@code (first - 'A') * 26 + (second - 'A')} of the country code: the IBAN length, or 0. */
    private static final byte[] LENGTHS = load();

    private Ibans() {
    }

    static int at(Scan s, int start) {
        char first = s.text[start];
        char second = s.at(start + 1);
        if (!Scan.isUpper(second) || !Scan.isDigit(s.at(start + 2)) || !Scan.isDigit(s.at(start + 3))) {
            return -1;
        }
        int length = LENGTHS[(first - 'A') * 26 + (second - 'A')];
        if (length == 0) {
            return -1;
        }
        int n = 0;
        int p = start;
        while (n < length && p < s.length) {
            char c = s.text[p];
            if (Scan.isUpper(c) || Scan.isDigit(c)) {
                n++;
                p++;
            } else if (c == ' ' && n % 4 == 0 && n > 0 && Scan.isAlnum(s.at(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (n != length || Scan.isAlnum(s.at(p)) || !mod97IsOne(s, start, p)) {
            return -1;
        }
        s.redact(start, p, Kind.IBAN);
        return p;
    }

    /** Over {@code text[start, end)}, spaces left out, with the country and check digits moved to the end. */
    private static boolean mod97IsOne(Scan s, int start, int end) {
        int remainder = 0;
        for (int p = start + 4; p < end; p++) {
            remainder = mod97(remainder, s.text[p]);
        }
        for (int p = start; p < start + 4; p++) { // no space can come before the fifth character
            remainder = mod97(remainder, s.text[p]);
        }
        return remainder == 1;
    }

    private static int mod97(int remainder, char c) {
        if (Scan.isDigit(c)) {
            return (remainder * 10 + (c - '0')) % 97;
        }
        return Scan.isUpper(c) ? (remainder * 100 + (c - 'A' + 10)) % 97 : remainder; // a space between groups
    }

    private static byte[] load() {
        byte[] lengths = new byte[26 * 26];
        for (String line : Resources.lines("iban-lengths.txt")) {
            String[] parts = line.split("\\s+");
            lengths[(parts[0].charAt(0) - 'A') * 26 + (parts[0].charAt(1) - 'A')] = Byte.parseByte(parts[1]);
        }
        return lengths;
    }

    /** For the cross-check against another implementation's table: country code to length. */
    static Map<String, Integer> lengths() {
        Map<String, Integer> byCode = new HashMap<>();
        for (int k = 0; k < LENGTHS.length; k++) {
            if (LENGTHS[k] != 0) {
                byCode.put("" + (char) ('A' + k / 26) + (char) ('A' + k % 26), (int) LENGTHS[k]);
            }
        }
        return byCode;
    }
}
