package io.claimguard.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.RegexValueMasker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One log line formatted by Logback, per {@code pipeline}:
 * <ul>
 *   <li>{@code plain}: {@code %d %-5level %logger - %msg %X%n%ex}, the baseline;</li>
 *   <li>{@code render-only}: the same with {@code %msg %X%n%ex} inside a composite converter that
 *       does not redact ({@link RenderOnlyConverter}): the least any {@code %redact} can cost;</li>
 *   <li>{@code redact}: the same with {@code %redact(%msg %X%n%ex)};</li>
 *   <li>{@code layout}: the baseline's pattern in a {@code RedactingLayout}, which redacts the
 *       whole formatted line (date, level and logger included);</li>
 *   <li>{@code replace}: the same with a chain of eight {@code %replace} regexes that look for
 *       what ClaimGuard's detectors look for (JWT, scheme credentials, secret keys, email, card,
 *       SSN, phone, IBAN), without the validators;</li>
 *   <li>{@code logstash} / {@code logstash-masked}: logstash-logback-encoder's JSON encoder,
 *       without and with value masking by the same eight regexes (its own baseline and cost).</li>
 * </ul>
 * {@code lines}: {@code clean} (16 ordinary lines without personal data), {@code mix} (the same
 * 16 shapes with a value in 5 of them) or {@code adversarial} (lines of about 1, 10 and 100 KB
 * that are dense in triggers: see {@link RedactionWorkload}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedactionBenchmark {

    @Param({"plain", "render-only", "redact", "layout", "replace", "logstash", "logstash-masked"})
    String pipeline;

    @Param({"clean", "mix"})
    String lines;

    private PatternLayout layout;
    private Encoder<ILoggingEvent> encoder;
    private ILoggingEvent[] events;
    private int next;

    @Setup
    public void setUp() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("com.example.orders.OrderService");
        events = RedactionWorkload.events(logger, lines);
        if (pipeline.startsWith("logstash")) {
            LogstashEncoder logstash = new LogstashEncoder();
            logstash.setContext(context);
            if (pipeline.equals("logstash-masked")) {
                MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
                for (String regex : RedactionWorkload.REGEXES) {
                    masking.addValueMasker(new RegexValueMasker(regex, "[REDACTED]"));
                }
                masking.start();
                logstash.setJsonGeneratorDecorator(masking);
            }
            logstash.start();
            encoder = logstash;
        } else {
            layout = RedactionWorkload.layout(context, pipeline);
            RedactionWorkload.check(layout, events, pipeline, lines);
        }
    }

    @Benchmark
    public Object format() {
        ILoggingEvent event = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        return layout != null ? layout.doLayout(event) : encoder.encode(event);
    }

    /** Time against line length on trigger-dense lines: linear means ns/op grows 10x per 10x length. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Adversarial {

        @Param({"redact", "replace"})
        String pipeline;

        @Param({"1000", "10000", "100000"})
        int length;

        private PatternLayout layout;
        private ILoggingEvent[] events;
        private int next;

        @Setup
        public void setUp() {
            LoggerContext context = new LoggerContext();
            events = RedactionWorkload.adversarial(context.getLogger("com.example.Adversary"), length);
            layout = RedactionWorkload.layout(context, pipeline);
        }

        @Benchmark
        public Object format() {
            ILoggingEvent event = events[next];
            next = next + 1 == events.length ? 0 : next + 1;
            return layout.doLayout(event);
        }
    }
}
