package io.claimguard.logging;

import io.claimguard.logging.redaction.RedactionConfigException;
import io.claimguard.logging.redaction.Redactor;

import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.spi.ContextAware;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The redaction one converter or layout applies, failing closed: a misconfigured redactor, or
 * one that throws on some line, yields {@link #PLACEHOLDER} in place of the text. Logback's own
 * {@code %replace} does the opposite (it prints the text unchanged when it cannot start); a log
 * line that says "redaction failed" is better than one that leaks.
 */
final class LineRedaction {

    /** What a line reads when it could not be redacted. Fixed: it holds nothing of the line. */
    static final String PLACEHOLDER = "[REDACTION FAILED]";

    /** Null when the options were invalid: every line is then the placeholder. */
    private final Redactor redactor;
    private final ContextAware owner;
    /** Reports the first failure to Logback's status; repeating it on every line would flood it. */
    private final AtomicBoolean failureReported = new AtomicBoolean();

    private LineRedaction(Redactor redactor, ContextAware owner) {
        this.redactor = redactor;
        this.owner = owner;
    }

    /** Builds the redactor from {@code name=value} options; reports a bad option to Logback's status. */
    static LineRedaction configure(List<String> options, ContextAware owner) {
        try {
            Redactor.Builder builder = Redactor.builder();
            if (options != null) {
                for (String option : options) {
                    builder.option(option);
                }
            }
            return new LineRedaction(builder.build(), owner);
        } catch (RedactionConfigException e) {
            owner.addError(e.getMessage() + ". Every line will read " + PLACEHOLDER + " until this is fixed.");
            return new LineRedaction(null, owner);
        } catch (RuntimeException e) {
            // not a bad option but a broken installation (a data file missing from the jar): still closed
            owner.addError("Redaction could not start (" + e.getClass().getName() + ": " + e.getMessage()
                    + "). Every line will read " + PLACEHOLDER + " until this is fixed.");
            return new LineRedaction(null, owner);
        }
    }

    boolean configured() {
        return redactor != null;
    }

    String apply(String text) {
        if (redactor == null) {
            return placeholderFor(text != null && text.endsWith("\n"));
        }
        try {
            return redactor.redact(text);
        } catch (RuntimeException | Error e) {
            reportFailure(e);
            return placeholderFor(text != null && text.endsWith("\n"));
        }
    }

    /** Redacts {@code buffer} from {@code from} on, in place; the placeholder replaces that part if it cannot. */
    void apply(StringBuilder buffer, int from) {
        boolean endsLine = buffer.length() > from && buffer.charAt(buffer.length() - 1) == '\n';
        if (redactor != null) {
            try {
                redactor.redact(buffer, from);
                return;
            } catch (RuntimeException | Error e) {
                reportFailure(e);
            }
        }
        buffer.setLength(from);
        buffer.append(placeholderFor(endsLine));
    }

    private void reportFailure(Throwable e) {
        // neither the text nor the exception's message (which may quote it) goes to the status
        if (failureReported.compareAndSet(false, true)) {
            StackTraceElement[] where = e.getStackTrace();
            owner.addError("Redaction failed with " + e.getClass().getName()
                    + (where.length > 0 ? " at " + where[0] : "") + "; the line was replaced by "
                    + PLACEHOLDER + ". Later failures are not reported.");
        }
    }

    /** Keeps a trailing line separator, so that the next line does not run on. */
    private static String placeholderFor(boolean endsLine) {
        return endsLine ? PLACEHOLDER + CoreConstants.LINE_SEPARATOR : PLACEHOLDER;
    }
}
