package io.claimguard.logging.redaction;

/** Every value becomes {@code [REDACTED:LABEL]}: nothing of it is left. */
final class LabelReplacement implements Replacement {

    static final LabelReplacement INSTANCE = new LabelReplacement();

    private LabelReplacement() {
    }

    @Override
    public void append(StringBuilder out, Kind kind, String label, String value) {
        Replacement.appendLabel(out, label);
    }
}
