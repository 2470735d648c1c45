package io.claimguard.logging.redaction;

import java.util.Locale;

/** What a detector finds; the label is what the reader of a redacted line sees. */
enum Kind {
    JWT("JWT"),
    /** The credential after an {@code Authorization} scheme word (Bearer, Basic, ...). */
    AUTH("CREDENTIAL"),
    /** A value whose key names a secret: {@code password=...}, {@code "api_key": "..."}. */
    SECRET("SECRET"),
    /** A token with a well-known vendor format: AWS, GitHub, Slack, Stripe, Google. */
    TOKEN("TOKEN"),
    PRIVATE_KEY("PRIVATE_KEY"),
    EMAIL("EMAIL"),
    CARD("CARD"),
    SSN("SSN"),
    PHONE("PHONE"),
    IBAN("IBAN");

    final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The name used in the {@code detectors} and {@code disable} options: {@code private-key}. */
    String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
