package io.claimguard.jdbc.mask;

import java.util.Arrays;

/**
 * Keeps a number of leading and trailing characters and hides the rest, either with one {@code *}
 * per hidden character ({@code first4}, {@code last4}) or with a fixed pad ({@code partial}).
 * When the kept edges would cover the whole value, all of it is hidden: showing every character
 * of a short value would show the value. Characters are code points, so a kept edge never splits
 * a surrogate pair.
 */
final class KeepEdgesRewrite implements TextRewrite {

    private final int leading;
    private final int trailing;
    private final String pad;
    private final boolean starPerHiddenCharacter;

    private KeepEdgesRewrite(int leading, int trailing, String pad, boolean starPerHiddenCharacter) {
        this.leading = leading;
        this.trailing = trailing;
        this.pad = pad;
        this.starPerHiddenCharacter = starPerHiddenCharacter;
    }

    /** Hidden characters become one {@code *} each, so the length is preserved. */
    static KeepEdgesRewrite starring(int leading, int trailing) {
        return new KeepEdgesRewrite(leading, trailing, "", true);
    }

    /** Hidden characters become {@code pad}, whatever their number. */
    static KeepEdgesRewrite padding(int leading, String pad, int trailing) {
        return new KeepEdgesRewrite(leading, trailing, pad, false);
    }

    @Override
    public String apply(String raw) {
        if (starPerHiddenCharacter && !hasSurrogates(raw)) {
            return starred(raw);
        }
        int length = raw.codePointCount(0, raw.length());
        if ((long) leading + trailing >= length) {
            return hidden(length);
        }
        int headEnd = raw.offsetByCodePoints(0, leading);
        int tailStart = raw.offsetByCodePoints(raw.length(), -trailing);
        return raw.substring(0, headEnd) + hidden(length - leading - trailing) + raw.substring(tailStart);
    }

    /** The common case, one char per character: the kept edges copied, stars written between them. */
    private String starred(String raw) {
        int length = raw.length();
        char[] shown = ShownText.buffer(length);
        if ((long) leading + trailing >= length) {
            Arrays.fill(shown, 0, length, '*');
        } else {
            raw.getChars(0, leading, shown, 0);
            Arrays.fill(shown, leading, length - trailing, '*');
            raw.getChars(length - trailing, length, shown, length - trailing);
        }
        return new String(shown, 0, length);
    }

    private static boolean hasSurrogates(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isSurrogate(raw.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private String hidden(int characters) {
        return starPerHiddenCharacter ? "*".repeat(characters) : pad;
    }
}
