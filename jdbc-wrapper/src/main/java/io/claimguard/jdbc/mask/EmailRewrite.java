package io.claimguard.jdbc.mask;

/**
 * Keeps the first character of the local part and the top-level domain of an e-mail address:
 * {@code jane.doe@mail.example.com} becomes {@code j***@***.com}. The star runs have a fixed
 * length so that the shown value does not reveal the address's length either.
 */
final class EmailRewrite implements TextRewrite {

    static final EmailRewrite INSTANCE = new EmailRewrite();

    /** Shown for anything not shaped like an address: echoing part of it could leak anything. */
    private static final String NOT_AN_ADDRESS = "****";
    private static final String HIDDEN = "***@***";
    /** DNS labels are at most 63 octets; a longer "top-level domain" is not one. */
    private static final int MAX_LABEL = 63;

    private EmailRewrite() {
    }

    @Override
    public String apply(String raw) {
        int at = raw.lastIndexOf('@');
        int lastDot = raw.lastIndexOf('.');
        if (at <= 0 || lastDot <= at + 1 || !isTopLevelDomain(raw, lastDot + 1)) {
            return NOT_AN_ADDRESS;
        }
        int firstEnd = raw.offsetByCodePoints(0, 1);
        int length = firstEnd + HIDDEN.length() + raw.length() - lastDot;
        char[] shown = ShownText.buffer(length);
        raw.getChars(0, firstEnd, shown, 0);
        HIDDEN.getChars(0, HIDDEN.length(), shown, firstEnd);
        raw.getChars(lastDot, raw.length(), shown, firstEnd + HIDDEN.length());
        return new String(shown, 0, length);
    }

    /** Only letters, digits and hyphens, so that free text after a dot is never shown. */
    private static boolean isTopLevelDomain(String raw, int start) {
        int length = raw.length() - start;
        if (length < 1 || length > MAX_LABEL) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "email";
    }
}
