package io.claimguard.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;

import java.util.ArrayList;
import java.util.List;

/**
 * The encoder form of {@link RedactingLayout}: a pattern encoder whose every line is redacted.
 *
 * <pre>{@code
 * <appender name="FILE" class="ch.qos.logback.core.FileAppender">
 *   <file>app.log</file>
 *   <encoder class="io.claimguard.logging.RedactingEncoder">
 *     <pattern>%d %-5level %logger - %msg%n</pattern>
 *     <option>style=hash</option>
 *     <option>hashKeyEnv=LOG_HASH_KEY</option>
 *   </encoder>
 * </appender>
 * }</pre>
 */
public class RedactingEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {

    private final List<String> options = new ArrayList<>();

    /** One {@code name=value} option; Logback calls this for each {@code <option>} element. */
    public void addOption(String option) {
        options.add(option);
    }

    @Override
    public void start() {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(getPattern());
        layout.setOutputPatternAsHeader(outputPatternAsHeader);
        options.forEach(layout::addOption);
        layout.start();
        this.layout = layout;
        super.start();
    }
}
