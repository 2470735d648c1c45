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
 */
final class ExceptionTail extends ThrowableProxyConverter {

    /** {@code head} with this tail appended unless the chain already renders exceptions. */
    static Converter<ILoggingEvent> appendIfMissing(Converter<ILoggingEvent> head) {
        if (head == null) {
            return new ExceptionTail();
        }
        if (!new EnsureExceptionHandling().chainHandlesThrowable(head)) {
            ConverterUtil.findTail(head).setNext(new ExceptionTail());
        }
        return head;
    }

    /** On a line of its own after the message, as {@code %msg%n%ex} would put it. */
    @Override
    public String convert(ILoggingEvent event) {
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
