package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The independent evaluation: a corpus written apart from the detectors, from public descriptions
 * of the formats and of the shapes real services log them in (see
 * {@code independent-corpus/SOURCES.md}). Every line goes through {@code %redact(%msg)%n} in a real
 * Logback pipeline. A line with a secret counts as found when the secret no longer appears in it;
 * a clean line is a false positive when it comes out changed at all.
 *
 * <p>The per-kind table goes to {@code target/independent-corpus.md}. The build fails when a
 * kind's recall falls below its floor, or the false positives rise above theirs, in
 * {@code independent-corpus/floors.properties}: the floors only ever rise, towards the targets
 * (99% recall for every kind, false positives on at most 0.2% of clean lines).
 */
class IndependentCorpusTest {
    private static final String FOLDER = "independent-corpus/";

    private record Case(String kind, String secret, String line) {
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IndependentCorpusTest.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            assertTrue(in != null, FOLDER + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code \n} and {@code \t} in the corpus stand for a line break and a tab inside one logged message (a stack trace). */
    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }

    private static List<Case> positives() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String row : resource("positives.tsv").split("\n")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] columns = row.split("\t", 3);
            assertEquals(3, columns.length, "not kind<TAB>secret<TAB>line: " + row);
            cases.add(new Case(columns[0], unescape(columns[1]), unescape(columns[2])));
        }
        return cases;
    }

    @Test
    void recallPerKind_andFalsePositives_holdTheirFloors() throws IOException {
        Map<String, int[]> foundOfKind = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int clean = 0;
        try (LogCapture log = LogCapture.of("redact-msg.xml")) {
            for (Case c : positives()) {
                log.logger().info(c.line());
                String written = log.take();
                int[] counts = foundOfKind.computeIfAbsent(c.kind(), k -> new int[2]);
                counts[1]++;
                if (!written.contains(c.secret())) {
                    counts[0]++;
                } else {
                    missed.add(c.kind() + ": " + c.line());
                }
            }
            for (String line : resource("negatives.txt").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                clean++;
                String logged = unescape(line);
                log.logger().info(logged);
                String written = log.take();
                if (!written.equals(logged + System.lineSeparator())) {
                    changed.add(logged + "  =>  " + written.strip());
                }
            }
        }
        Properties floors = new Properties();
        floors.load(new java.io.StringReader(resource("floors.properties")));
        StringBuilder report = new StringBuilder("| kind | lines | found | recall | floor |\n|---|---:|---:|---:|---:|\n");
        List<String> below = new ArrayList<>();
        for (Map.Entry<String, int[]> kind : foundOfKind.entrySet()) {
            int found = kind.getValue()[0];
            int lines = kind.getValue()[1];
            double recall = (double) found / lines;
            double floor = Double.parseDouble(floors.getProperty("recall." + kind.getKey(), "0.99"));
            report.append(String.format("| %s | %d | %d | %.1f%% | %.1f%% |%n", kind.getKey(), lines, found, 100 * recall, 100 * floor));
            if (recall < floor) {
                below.add(kind.getKey() + " " + found + "/" + lines);
            }
        }
        double falsePositiveRate = (double) changed.size() / clean;
        double ceiling = Double.parseDouble(floors.getProperty("false_positives", "0.002"));
        report.append(String.format("%nFalse positives: %d of %d clean lines (%.2f%%; ceiling %.2f%%)%n", changed.size(), clean,
                100 * falsePositiveRate, 100 * ceiling));
        report.append("\nMissed:\n");
        missed.forEach(line -> report.append("- ").append(line.replace("\n", "\\n")).append('\n'));
        report.append("\nChanged clean lines:\n");
        changed.forEach(line -> report.append("- ").append(line.replace("\n", "\\n")).append('\n'));
        Path out = Path.of("target", "independent-corpus.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);

        assertTrue(below.isEmpty(), "recall below its floor for " + below + "; see " + out);
        assertTrue(falsePositiveRate <= ceiling, "false positives above their ceiling; see " + out);
    }
}
