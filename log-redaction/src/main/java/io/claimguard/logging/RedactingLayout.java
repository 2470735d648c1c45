package io.claimguard.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PatternLayout} that redacts the whole formatted line, stack trace included, for those
 * who prefer not to touch their pattern:
 *
 * <pre>{@code
 * <layout class="io.claimguard.logging.RedactingLayout">
 *   <pattern>%d %-5level %logger - %msg%n</pattern>
 *   <option>style=partial</option>
 *   <option>keys=pin|otp</option>
 * </layout>
 * }</pre>
 *
 * <p>Each {@code <option>} is one {@code name=value}, as listed in
 * {@link io.claimguard.logging.redaction.Redactor.Builder}. Fails closed like
 * {@link RedactingConverter}: a line that cannot be redacted reads {@code [REDACTION FAILED]}.
 * Most appenders take an encoder rather than a layout: see {@link RedactingEncoder}.
 */
public class RedactingLayout extends PatternLayout {

    private final List<String> options = new ArrayList<>();
    private volatile LineRedaction redaction;

    /** One {@code name=value} option; Logback calls this for each {@code <option>} element. */
    public void addOption(String option) {
        options.add(option);
    }

    @Override
    public void start() {
        redaction = LineRedaction.configure(options, this);
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        LineRedaction r = redaction;
        if (r == null || !isStarted()) {
            return CoreConstants.EMPTY_STRING;
        }
        String line;
        try {
            line = super.doLayout(event);
        } catch (RuntimeException e) {
            addError("Formatting failed with " + e.getClass().getName() + "; the line was replaced by " + LineRedaction.PLACEHOLDER);
            return LineRedaction.PLACEHOLDER + CoreConstants.LINE_SEPARATOR;
        }
        return r.apply(line);
    }
}
