package io.claimguard.logging.redaction;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers, validated by libphonenumber on candidates only (it never sees a whole line).
 * Candidates are shapes that ordinary log numbers do not take:
 * <ul>
 *   <li>international: {@code +} then 8 to 15 digits in groups ({@code +44 20 7946 0958},
 *       {@code +1-202-555-0143}, {@code +33(0)1 23 45 67 89});</li>
 *   <li>national, in the default region: for North America {@code 202-555-0143},
 *       {@code 202.555.0143}, {@code 1-202-555-0143} and {@code (202) 555-0143}; elsewhere a
 *       number written in groups that starts with the trunk prefix 0 ({@code 020 7946 0958}).</li>
 * </ul>
 * Bare digit runs are never phone numbers here: ids and epoch seconds look the same.
 */
final class Phones {

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String region;
    private final boolean northAmerican;

    Phones(String region) {
        this.region = region;
        this.northAmerican = UTIL.getCountryCodeForRegion(region) == 1;
    }

    static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /** Whether a national number can start with this digit and a first group of this length. */
    boolean mayStartNational(char firstDigit, int firstGroup) {
        return northAmerican ? firstGroup == 3 || firstGroup == 1 && firstDigit == '1' : firstDigit == '0';
    }

    /** At a number that starts a token: the end of the national phone number it starts, or -1. */
    int national(Scan s, DigitGroups g) {
        if (g.count < 2 || g.digits < MIN_DIGITS) {
            return -1;
        }
        // the number may run on into other digits ("202 555 0143 2026"): the shape is read from the first groups
        int last;
        if (northAmerican) {
            if (g.count >= 3 && g.length(0) == 3 && g.length(1) == 3 && g.length(2) == 4) {
                last = 2;
            } else if (g.count >= 4 && g.length(0) == 1 && s.at(g.starts[0]) == '1' && g.length(1) == 3
                    && g.length(2) == 3 && g.length(3) == 4) {
                last = 3;
            } else {
                return -1;
            }
        } else {
            if (s.at(g.starts[0]) != '0' || g.separator == '.' || g.count > 5 || g.digits > MAX_DIGITS) {
                return -1;
            }
            last = g.count - 1;
        }
        int end = g.ends[last];
        if (Scan.isAlnum(s.at(end))) {
            return -1;
        }
        return valid(s, g.starts[0], end, region) ? end : -1;
    }

    /** At {@code +} or {@code (} followed by a digit: the end of the phone number, or -1. */
    int atPrefix(Scan s, int start) {
        boolean international = s.text[start] == '+';
        if (!international && !northAmerican || !Scan.isDigit(s.at(start + 1)) || Scan.isAlnum(s.at(start - 1))) {
            return -1;
        }
        // digits with single separators between them, at most 20 digits read; each group end is a
        // candidate end, and the last three of them are tried, longest first (a few parses at most)
        int last = -1;
        int secondLast = -1;
        int thirdLast = -1;
        int digits = 0;
        int p = start + 1;
        while (p < s.length && digits <= MAX_DIGITS + 5) {
            char c = s.text[p];
            if (Scan.isDigit(c)) {
                digits++;
                p++;
                if (!Scan.isDigit(s.at(p)) && digits >= MIN_DIGITS && digits <= MAX_DIGITS) {
                    thirdLast = secondLast;
                    secondLast = last;
                    last = p;
                }
            } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && p > start + 1) {
                char next = s.at(p + 1);
                if (Scan.isDigit(next) || (c == ')' && next == ' ' && Scan.isDigit(s.at(p + 2)))
                        || (c == ' ' && next == '(') || (c == ')' && next == '-')) {
                    p++;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (last < 0) {
            return -1;
        }
        for (int end : new int[] {last, secondLast, thirdLast}) {
            if (end >= 0 && !Scan.isAlnum(s.at(end)) && valid(s, start, end, international ? "ZZ" : region)) {
                s.redact(start, end, Kind.PHONE);
                return end;
            }
        }
        return -1;
    }

    private static boolean valid(Scan s, int start, int end, String region) {
        try {
            return UTIL.isValidNumber(UTIL.parse(s.substring(start, end), region));
        } catch (NumberParseException notAPhoneNumber) {
            return false;
        }
    }
}
