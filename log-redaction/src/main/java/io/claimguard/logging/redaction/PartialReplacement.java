package io.claimguard.logging.redaction;

/**
 * Keeps what support staff usually need to recognise a value and no more: the first character
 * and the domain of an email ({@code j***@example.com}), the last four digits of a card or SSN
 * ({@code ************1234}, {@code ***-**-6789}), the last two of a phone number, the country
 * and last four characters of an IBAN. Separators stay where they were, so the shape is kept.
 * Secrets, tokens and keys have no safe part and get the label.
 */
final class PartialReplacement implements Replacement {

    static final PartialReplacement INSTANCE = new PartialReplacement();

    private PartialReplacement() {
    }

    @Override
    public void append(StringBuilder out, Kind kind, String label, String value) {
        if (kind == null) {
            Replacement.appendLabel(out, label);
            return;
        }
        switch (kind) {
            case EMAIL -> out.append(value.charAt(0)).append("***").append(value, value.indexOf('@'), value.length());
            case CARD, SSN -> starAllBut(out, value, 0, 4);
            case PHONE -> starAllBut(out, value, 0, 2);
            case IBAN -> starAllBut(out, value, 2, 4);
            default -> Replacement.appendLabel(out, label);
        }
    }

    /** Stars every letter and digit except the first {@code keepFirst} and last {@code keepLast} of them. */
    private static void starAllBut(StringBuilder out, String value, int keepFirst, int keepLast) {
        int alphanumerics = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alphanumerics++;
            }
        }
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                boolean kept = seen < keepFirst || seen >= alphanumerics - keepLast;
                out.append(kept ? c : '*');
                seen++;
            } else {
                out.append(c);
            }
        }
    }
}
