package io.claimguard.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.LiteralConverter;

/**
 * {@code %redact(...)}: redacts whatever its child pattern renders. Register it and wrap the parts
 * of the pattern that can carry data:
 *
 * <pre>{@code
 * <conversionRule conversionWord="redact" class="io.claimguard.logging.RedactingConverter"/>
 * <pattern>%d %-5level %logger - %redact(%msg %X%n%ex)</pattern>
 * }</pre>
 *
 * <p>Options follow in braces, {@code name=value} separated by commas:
 * {@code %redact(%msg%n%ex){style=partial, disable=phone, keys=pin|otp}}; the list is in
 * {@link io.claimguard.logging.redaction.Redactor.Builder}.
 *
 * <p>Exceptions: when the child pattern has no {@code %ex}, the stack trace is rendered inside
 * it, redacted, on the lines after the message; Logback then adds no raw {@code %ex} of its own.
 * With several {@code %redact(...)} in one pattern the trace is printed once, by the last.
 * Text outside {@code %redact(...)} is printed as it is: keep every converter that can carry
 * data ({@code %msg}, {@code %X}, {@code %kvp}, {@code %marker}, {@code %ex}) inside, or use
 * {@link RedactingEncoder} to redact the whole line.
 *
 * <p>Fails closed: invalid options, or a failure on some line, give {@code [REDACTION FAILED]}
 * in place of the text (and an error in Logback's status), never the raw text. Thread-safe:
 * Logback formats on many threads through one instance.
 */
public final class RedactingConverter extends CompositeConverter<ILoggingEvent> {

    /**
     * Where the child pattern renders, one per thread and reused, so that a line costs only the
     * String this converter must return (Logback's {@code write} for a composite converter is
     * final and takes a String). A nested call on the same thread (a value's
     * {@code toString()} that logs) renders after the outer call's text and removes its own.
     */
    private static final ThreadLocal<StringBuilder> RENDERED = ThreadLocal.withInitial(() -> new StringBuilder(256));
    /** Above this a per-thread buffer is dropped after use, so that one huge line does not stay in memory. */
    private static final int KEPT_CAPACITY = 16 * 1024;

    private volatile LineRedaction redaction;
    /** The stack trace this converter renders because its child pattern has no {@code %ex}; null if it has one. */
    private ExceptionTail exceptionTail;

    @Override
    public void setChildConverter(Converter<ILoggingEvent> child) {
        if (child == null) {
            child = new LiteralConverter<>(CoreConstants.EMPTY_STRING); // %redact() with nothing inside
        }
        exceptionTail = ExceptionTail.appendIfMissing(child);
        super.setChildConverter(child);
    }

    @Override
    public void start() {
        // the pattern is linked by now: a later %redact or %ex prints the exception, and it is printed once
        if (exceptionTail != null && ExceptionTail.rendersExceptions(getNext())) {
            exceptionTail.silence();
        }
        redaction = LineRedaction.configure(getOptionList(), this);
        if (redaction.configured()) {
            super.start();
        }
    }

    @Override
    public String convert(ILoggingEvent event) {
        LineRedaction r = redaction;
        if (r == null) {
            return LineRedaction.PLACEHOLDER;
        }
        StringBuilder buffer = RENDERED.get();
        int from = buffer.length();
        try {
            if (!render(buffer, event)) {
                return LineRedaction.PLACEHOLDER;
            }
            r.apply(buffer, from);
            return buffer.substring(from);
        } finally {
            release(buffer, from);
        }
    }

    /** Writes the child pattern; false, and an error in the status, if a child converter broke half-way. */
    private boolean render(StringBuilder buffer, ILoggingEvent event) {
        try {
            for (Converter<ILoggingEvent> c = getChildConverter(); c != null; c = c.getNext()) {
                c.write(buffer, event);
            }
            return true;
        } catch (RuntimeException e) {
            // what it rendered so far is not shown either
            addError("A converter inside %redact failed with " + e.getClass().getName() + "; the line was replaced by "
                    + LineRedaction.PLACEHOLDER);
            return false;
        }
    }

    private static void release(StringBuilder buffer, int from) {
        buffer.setLength(from);
        if (from == 0 && buffer.capacity() > KEPT_CAPACITY) {
            RENDERED.remove();
        }
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        LineRedaction r = redaction;
        return r == null ? LineRedaction.PLACEHOLDER : r.apply(in);
    }
}
