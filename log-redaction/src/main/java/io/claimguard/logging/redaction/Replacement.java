package io.claimguard.logging.redaction;

/**
 * What a detected value becomes in the line. Implementations are immutable and shared by every
 * thread that formats with the redactor.
 */
sealed interface Replacement permits LabelReplacement, PartialReplacement, KeyedHashReplacement {

    /**
     * Appends the replacement for {@code value} to {@code out}.
     *
     * @param kind what was found, or null for a custom pattern (which then only has a label)
     * @param label the label to show: the kind's, or the custom pattern's name
     */
    void append(StringBuilder out, Kind kind, String label, String value);

    /** {@code [REDACTED:EMAIL]}. */
    static void appendLabel(StringBuilder out, String label) {
        out.append("[REDACTED:").append(label).append(']');
    }
}
