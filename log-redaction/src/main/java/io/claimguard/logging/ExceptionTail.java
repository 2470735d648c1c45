package io.claimguard.logging;

import ch.qos.logback.classic.pattern.EnsureExceptionHandling;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.ConverterUtil;

/**
 * The stack trace, rendered inside {@code %redact(...)} when its pattern has no {@code %ex} of
 * its own. Logback appends a raw {@code %ex} to any pattern in which no converter handles
 * exceptions; with {@code %redact(%msg)%n} that raw trace, with every value in its messages,
 * would follow the redacted line. With this tail in the child pattern Logback sees the
 * exception handled, and the trace goes through the redactor like the message.
 *
 * <p>A tail is silenced when something later in the pattern renders the exception (another
 * {@code %redact} with its own tail, or an {@code %ex}), so that the trace is printed once.
 */
final class ExceptionTail extends ThrowableProxyConverter {

    private volatile boolean silenced;

    /** The tail {@code chain} ends with, or null if it renders exceptions itself (then no tail is added). */
    static ExceptionTail appendIfMissing(Converter<ILoggingEvent> chain) {
        if (rendersExceptions(chain)) {
            return null;
        }
        ExceptionTail tail = new ExceptionTail();
        ConverterUtil.findTail(chain).setNext(tail);
        return tail;
    }

    /** Whether {@code chain}, from its first converter on, renders exceptions. */
    static boolean rendersExceptions(Converter<ILoggingEvent> chain) {
        return chain != null && new EnsureExceptionHandling().chainHandlesThrowable(chain);
    }

    /** Stops this tail printing: the exception is printed by a converter after it. */
    void silence() {
        silenced = true;
    }

    /** On a line of its own after the message, as {@code %msg%n%ex} would put it. */
    @Override
    public String convert(ILoggingEvent event) {
        if (silenced) {
            return CoreConstants.EMPTY_STRING;
        }
        String trace = super.convert(event);
        if (trace.isEmpty()) {
            return trace;
        }
        if (trace.endsWith(CoreConstants.LINE_SEPARATOR)) {
            trace = trace.substring(0, trace.length() - CoreConstants.LINE_SEPARATOR.length());
        }
        return CoreConstants.LINE_SEPARATOR + trace;
    }
}
