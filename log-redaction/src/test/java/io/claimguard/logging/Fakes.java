package io.claimguard.logging;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Valid fake values for the evaluation set: Luhn-valid cards of every brand, mod-97-valid IBANs,
 * SSNs the SSA could issue, phone numbers libphonenumber calls valid, JWTs with real headers,
 * and tokens in their vendors' formats. Deterministic for a given {@link Random}.
 */
final class Fakes {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final List<String> DOMAINS = List.of("example.com", "mail.example.org", "corp.example.co.uk",
            "example.io", "example.de", "sub.example.net", "example.fr");
    private static final List<String> PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "BR", "JP", "AU", "CA");
    private static final List<String> IBAN_COUNTRIES = List.of("DE", "GB", "FR", "ES", "IT", "NL", "BE", "CH", "AT", "PL", "SE", "NO", "IE", "PT");

    private final Random random;

    Fakes(Random random) {
        this.random = random;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String chars(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private String digits(int n) {
        return chars("0123456789", n);
    }

    String card() {
        String[][] brands = { // prefix, length
                {"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"}, {"2500", "16"},
                {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"644", "19"}, {"3528", "16"}, {"3589", "19"},
                {"36", "14"}, {"300", "14"}, {"62", "16"}, {"62", "19"}, {"50", "12"}, {"67", "19"}};
        String[] brand = brands[random.nextInt(brands.length)];
        int length = Integer.parseInt(brand[1]);
        String body = brand[0] + digits(length - brand[0].length() - 1);
        String number = body + luhnDigit(body);
        if (length != 16 || random.nextBoolean()) {
            return number;
        }
        String sep = random.nextBoolean() ? " " : "-";
        return number.substring(0, 4) + sep + number.substring(4, 8) + sep + number.substring(8, 12) + sep + number.substring(12);
    }

    static int luhnDigit(String body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    String iban() {
        String country = pick(IBAN_COUNTRIES);
        int length = org.iban4j.IbanUtil.getIbanLength(org.iban4j.CountryCode.getByCode(country));
        String bban = country.equals("GB") || country.equals("NL") || country.equals("IE")
                ? chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + digits(length - 8) : digits(length - 4);
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        String iban = country + String.format("%02d", check) + bban;
        if (random.nextBoolean()) {
            return iban;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
        }
        return grouped.toString();
    }

    String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        String sep = random.nextInt(4) == 0 ? " " : "-";
        return String.format("%03d%s%02d%s%04d", area, sep, 1 + random.nextInt(99), sep, 1 + random.nextInt(9999));
    }

    String email() {
        String local = chars("abcdefghijklmnopqrstuvwxyz", 3 + random.nextInt(8));
        switch (random.nextInt(4)) {
            case 0 -> local += "." + chars("abcdefghijklmnopqrstuvwxyz", 2 + random.nextInt(8));
            case 1 -> local += "+" + chars("abcdefghij", 3);
            case 2 -> local += random.nextInt(100);
            default -> { }
        }
        String address = local + "@" + pick(DOMAINS);
        return random.nextInt(5) == 0 ? address.toUpperCase() : address;
    }

    String jwt() {
        String alg = pick(List.of("HS256", "RS256", "ES256", "PS512", "none"));
        String header = "{\"alg\":\"" + alg + "\"" + (random.nextBoolean() ? ",\"typ\":\"JWT\"" : ",\"kid\":\"" + chars(ALNUM, 8) + "\"") + "}";
        String payload = "{\"sub\":\"" + chars(ALNUM, 10) + "\",\"iat\":" + (1_700_000_000 + random.nextInt(99_999_999)) + "}";
        byte[] signature = new byte[alg.equals("none") ? 0 : alg.startsWith("HS") ? 32 : 64];
        random.nextBytes(signature);
        return b64(header) + "." + b64(payload) + "." + B64URL.encodeToString(signature);
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    String bearer() {
        return random.nextBoolean() ? jwt() : chars(ALNUM + "-._~", 20 + random.nextInt(30)) + random.nextInt(10);
    }

    String basic() {
        String pair = chars(ALNUM, 4 + random.nextInt(6)) + ":" + chars(ALNUM + "!#%", 6 + random.nextInt(10));
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    String secretValue() {
        return chars(ALNUM + "!#%^*-_", 8 + random.nextInt(16));
    }

    String token() {
        return switch (random.nextInt(7)) {
            case 0 -> "AKIA" + chars(UPPER_DIGITS, 16);
            case 1 -> "ASIA" + chars(UPPER_DIGITS, 16);
            case 2 -> pick(List.of("ghp_", "gho_", "ghs_", "ghu_", "ghr_")) + chars(ALNUM, 36);
            case 3 -> "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
            case 4 -> pick(List.of("xoxb-", "xoxp-", "xoxa-")) + digits(12) + "-" + digits(13) + "-" + chars(ALNUM, 24);
            case 5 -> pick(List.of("sk_live_", "rk_live_", "sk_test_")) + chars(ALNUM, 24 + random.nextInt(76));
            default -> "AIza" + chars(ALNUM + "-_", 35);
        };
    }

    String privateKey() {
        String type = pick(List.of("", "RSA ", "EC ", "OPENSSH ", "ENCRYPTED "));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(5); i++) {
            body.append(chars(ALNUM + "+/", 64)).append('\n');
        }
        return "-----BEGIN " + type + "PRIVATE KEY-----\n" + body + "-----END " + type + "PRIVATE KEY-----";
    }

    /** A valid number: the region's example number with its last digits varied until libphonenumber accepts it. */
    String phone() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String region = pick(PHONE_REGIONS);
        PhoneNumber example = util.getExampleNumberForType(region,
                random.nextBoolean() ? PhoneNumberUtil.PhoneNumberType.MOBILE : PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
        PhoneNumber number = example;
        for (int attempt = 0; attempt < 50; attempt++) { // the example itself is valid if no variant is
            long national = example.getNationalNumber();
            PhoneNumber varied = new PhoneNumber().mergeFrom(example)
                    .setNationalNumber(national - national % 10_000 + random.nextInt(10_000));
            if (util.isValidNumber(varied)) {
                number = varied;
                break;
            }
        }
        boolean national = region.equals("US") && random.nextBoolean();
        String formatted = util.format(number, national ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        if (national && random.nextBoolean()) {
            String d = formatted.replaceAll("[^0-9]", "");
            formatted = d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
        }
        return formatted;
    }
}
