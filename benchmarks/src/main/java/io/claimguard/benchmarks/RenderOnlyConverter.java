package io.claimguard.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;

/**
 * {@code %renderonly(...)}: what {@code %redact(...)} does without redacting. It renders its child
 * pattern into a per-thread buffer and returns it as a String, which is all a composite converter
 * can do (Logback's {@code write} for it is final and appends the String {@code convert}
 * returns). Its cost over the plain pattern is the least any redacting composite converter can
 * cost.
 */
public final class RenderOnlyConverter extends CompositeConverter<ILoggingEvent> {

    private static final ThreadLocal<StringBuilder> RENDERED = ThreadLocal.withInitial(() -> new StringBuilder(256));

    @Override
    public String convert(ILoggingEvent event) {
        StringBuilder buffer = RENDERED.get();
        buffer.setLength(0);
        for (Converter<ILoggingEvent> c = getChildConverter(); c != null; c = c.getNext()) {
            c.write(buffer, event);
        }
        return buffer.toString();
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return in;
    }
}
