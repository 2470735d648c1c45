package io.claimguard.jdbc.policy;

import java.util.Locale;

/**
 * One SQL identifier as written: its text without quotes, and whether it was quoted. Whether two
 * names denote the same object depends on the database ({@link Dialect}).
 */
public record Name(String text, boolean quoted) {

    /** Parses {@code ssn}, {@code "Ssn"}, {@code `ssn`} or {@code [ssn]}; doubled quotes inside are unescaped. */
    public static Name parse(String token) {
        if (token.length() >= 2) {
            char first = token.charAt(0);
            char last = token.charAt(token.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
                String quote = String.valueOf(first);
                return new Name(token.substring(1, token.length() - 1).replace(quote + quote, quote), true);
            }
            if (first == '[' && last == ']') {
                return new Name(token.substring(1, token.length() - 1), true);
            }
        }
        return new Name(token, false);
    }

    /** The case-folded key under which rules are indexed; every dialect matches within it. */
    public String key() {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return quoted ? '"' + text + '"' : text;
    }
}
