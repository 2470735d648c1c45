package io.claimguard.logging.redaction;

/**
 * A redaction option is missing, unknown or invalid. Thrown while the converter, layout or
 * encoder starts, never while a line is formatted. The message names the option and the problem;
 * it never repeats a key or a value that could be secret.
 */
public final class RedactionConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String option;

    RedactionConfigException(String option, String problem) {
        super("Redaction option '" + option + "': " + problem);
        this.option = option;
    }

    /** The option at fault, as written in logback.xml: {@code style}, {@code pattern}, ... */
    public String option() {
        return option;
    }
}
