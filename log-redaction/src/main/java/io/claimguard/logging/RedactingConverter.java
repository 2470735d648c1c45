package io.claimguard.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;

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
 * Text outside {@code %redact(...)} is printed as it is: keep every converter that can carry
 * data ({@code %msg}, {@code %X}, {@code %kvp}, {@code %marker}, {@code %ex}) inside, or use
 * {@link RedactingEncoder} to redact the whole line.
 *
 * <p>Fails closed: invalid options, or a failure on some line, give {@code [REDACTION FAILED]}
 * in place of the text (and an error in Logback's status), never the raw text. Thread-safe:
 * Logback formats on many threads through one instance.
 */
public final class RedactingConverter extends CompositeConverter<ILoggingEvent> {

    private volatile LineRedaction redaction;

    @Override
    public void setChildConverter(Converter<ILoggingEvent> child) {
        super.setChildConverter(ExceptionTail.appendIfMissing(child));
    }

    @Override
    public void start() {
        redaction = LineRedaction.configure(getOptionList(), this);
        if (redaction.configured()) {
            super.start();
        }
    }

    @Override
    public String convert(ILoggingEvent event) {
        LineRedaction r = redaction;
        StringBuilder rendered = new StringBuilder(128);
        try {
            for (Converter<ILoggingEvent> c = getChildConverter(); c != null; c = c.getNext()) {
                c.write(rendered, event);
            }
        } catch (RuntimeException e) {
            // a child converter broke half-way: what it rendered so far is not shown either
            addError("A converter inside %redact failed with " + e.getClass().getName() + "; the line was replaced by "
                    + LineRedaction.PLACEHOLDER);
            return LineRedaction.PLACEHOLDER;
        }
        return r == null ? LineRedaction.PLACEHOLDER : r.apply(rendered.toString());
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        LineRedaction r = redaction;
        return r == null ? LineRedaction.PLACEHOLDER : r.apply(in);
    }
}
