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
        int lastDot = topLevelDomainDot(raw);
        int at = lastDot < 0 ? -1 : raw.lastIndexOf('@', lastDot - 1);
        if (at <= 0 || at == lastDot - 1) {
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

    /**
     * The index of the dot before the value's last label, if that label can be a top-level domain
     * (letters, digits and hyphens only, so that free text after a dot is never shown); -1 if not.
     * The last '.' of the value, found in the same backward pass that checks the label.
     */
    private static int topLevelDomainDot(String raw) {
        int end = raw.length();
        int stop = Math.max(0, end - MAX_LABEL - 1);
        for (int i = end - 1; i >= stop; i--) {
            char c = raw.charAt(i);
            if (c == '.') {
                return i < end - 1 ? i : -1;
            }
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "email";
    }
}
