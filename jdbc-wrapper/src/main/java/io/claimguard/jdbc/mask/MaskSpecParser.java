package io.claimguard.jdbc.mask;

import io.claimguard.core.ConfigException;

import java.util.Locale;

/**
 * Reads a {@code mask:} value from the policy. Hand-written rather than a regex so that a malformed
 * {@code partial(...)} gets a message saying what was expected where.
 */
final class MaskSpecParser {

    static final String VALID_MASKS =
            "null, default, redact, email, first4, last4, partial(prefix,\"pad\",suffix), hash, year";
    private static final String PARTIAL = "partial";
    private static final int EDGE = 4;

    private final String spec;
    private int position;

    private MaskSpecParser(String spec) {
        this.spec = spec;
    }

    static ColumnMask parse(String spec, byte[] hashKey) {
        if (spec == null) {
            return ColumnMask.NULL;
        }
        String written = spec.strip();
        switch (written.toLowerCase(Locale.ROOT)) {
            case "null":
                return ColumnMask.NULL;
            case "default":
                return new DefaultMask(written);
            case "redact":
                return new RedactMask(written);
            case "email":
                return new RewriteMask(written, EmailRewrite.INSTANCE, true);
            case "first4":
                return new RewriteMask(written, KeepEdgesRewrite.starring(EDGE, 0), false);
            case "last4":
                return new RewriteMask(written, KeepEdgesRewrite.starring(0, EDGE), false);
            case "hash":
                return new HashMask(written, checkedHashKey(written, hashKey));
            case "year":
                return new YearMask(written);
            default:
                if (written.regionMatches(true, 0, PARTIAL, 0, PARTIAL.length())) {
                    return new MaskSpecParser(written).partial();
                }
                throw new ConfigException("Unknown column mask '" + written + "'; valid masks are: " + VALID_MASKS);
        }
    }

    private static byte[] checkedHashKey(String written, byte[] hashKey) {
        if (hashKey == null) {
            throw new ConfigException("Column mask '" + written + "' needs a hash secret of at least "
                    + HashMask.MIN_KEY_BYTES + " bytes, and none is configured");
        }
        if (hashKey.length < HashMask.MIN_KEY_BYTES) {
            // The length only: never the key.
            throw new ConfigException("Column mask '" + written + "' needs a hash secret of at least "
                    + HashMask.MIN_KEY_BYTES + " bytes, but the configured one has " + hashKey.length);
        }
        return hashKey;
    }

    /** partial(P,"PAD",S), whitespace allowed between the parts. */
    private ColumnMask partial() {
        position = PARTIAL.length();
        expect('(');
        int leading = count("prefix length");
        expect(',');
        String pad = quoted();
        expect(',');
        int trailing = count("suffix length");
        expect(')');
        skipWhitespace();
        if (position < spec.length()) {
            throw malformed("unexpected text after ')'");
        }
        return new RewriteMask(spec, KeepEdgesRewrite.padding(leading, pad, trailing), false);
    }

    private void expect(char expected) {
        skipWhitespace();
        if (position >= spec.length() || spec.charAt(position) != expected) {
            throw malformed("expected '" + expected + "' at position " + (position + 1));
        }
        position++;
    }

    private int count(String what) {
        skipWhitespace();
        int start = position;
        long value = 0;
        while (position < spec.length() && isDigit(spec.charAt(position))) {
            value = value * 10 + (spec.charAt(position) - '0');
            if (value > Integer.MAX_VALUE) {
                throw malformed("the " + what + " is too large");
            }
            position++;
        }
        if (position == start) {
            throw malformed("expected the " + what + " (a non-negative whole number) at position " + (start + 1));
        }
        return (int) value;
    }

    /** A double-quoted string in which \" is a quote and \\ a backslash. */
    private String quoted() {
        skipWhitespace();
        if (position >= spec.length() || spec.charAt(position) != '"') {
            throw malformed("expected the pad as a double-quoted string at position " + (position + 1));
        }
        position++;
        StringBuilder pad = new StringBuilder();
        while (position < spec.length()) {
            char c = spec.charAt(position++);
            if (c == '"') {
                return pad.toString();
            }
            if (c == '\\') {
                if (position >= spec.length() || (spec.charAt(position) != '"' && spec.charAt(position) != '\\')) {
                    throw malformed("only \\\" and \\\\ may follow a backslash in the pad");
                }
                c = spec.charAt(position++);
            }
            pad.append(c);
        }
        throw malformed("the pad's closing '\"' is missing");
    }

    private void skipWhitespace() {
        while (position < spec.length() && Character.isWhitespace(spec.charAt(position))) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private ConfigException malformed(String problem) {
        return new ConfigException("Malformed column mask '" + spec + "': " + problem
                + "; expected partial(prefix,\"pad\",suffix), for example partial(1,\"XXX\",2). Valid masks are: "
                + VALID_MASKS);
    }
}
