package io.claimguard.logging.redaction;

import java.util.HashMap;
import java.util.Map;

/**
 * International bank account numbers: a country code with a known IBAN length
 * ({@code iban-lengths.txt}), two check digits, and the account part, written compact or in
 * groups of four separated by single spaces, whose ISO 7064 mod-97 remainder is 1.
 */
final class Ibans {

    private static final Map<String, Integer> LENGTHS = load();
    private static final int MAX_LENGTH = 34;

    private Ibans() {
    }

    static int at(Scan s, int start) {
        if (!Scan.isUpper(s.at(start + 1)) || !Scan.isDigit(s.at(start + 2)) || !Scan.isDigit(s.at(start + 3))) {
            return -1;
        }
        Integer length = LENGTHS.get(s.text.substring(start, start + 2));
        if (length == null) {
            return -1;
        }
        char[] iban = new char[MAX_LENGTH];
        int n = 0;
        int p = start;
        while (n < length && p < s.length) {
            char c = s.text.charAt(p);
            if (Scan.isUpper(c) || Scan.isDigit(c)) {
                iban[n++] = c;
                p++;
            } else if (c == ' ' && n % 4 == 0 && n > 0 && Scan.isAlnum(s.at(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (n != length || Scan.isAlnum(s.at(p)) || !mod97IsOne(iban, n)) {
            return -1;
        }
        s.redact(start, p, Kind.IBAN);
        return p;
    }

    private static boolean mod97IsOne(char[] iban, int n) {
        int remainder = 0;
        for (int k = 0; k < n; k++) {
            char c = iban[(k + 4) % n]; // the country and check digits move to the end
            remainder = Scan.isDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> lengths = new HashMap<>();
        for (String line : Resources.lines("iban-lengths.txt")) {
            String[] parts = line.split("\\s+");
            lengths.put(parts[0], Integer.valueOf(parts[1]));
        }
        return Map.copyOf(lengths);
    }

    /** For the cross-check against another implementation's table. */
    static Map<String, Integer> lengths() {
        return LENGTHS;
    }
}
