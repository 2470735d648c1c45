package io.claimguard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Searches log files for values that must never reach them. */
final class LogScan {

    private final Map<String, String> secrets = new LinkedHashMap<>();

    /** Each token, and its claims and signature parts on their own (a log line may hold either). */
    LogScan tokens(Set<String> tokens) {
        for (String token : tokens) {
            secrets.put(token, "a token");
            String[] parts = token.split("\\.");
            if (parts.length > 1) {
                secrets.put(parts[1], "a token's claims");
            }
            if (parts.length > 2 && !parts[2].isEmpty()) {
                secrets.put(parts[2], "a token's signature");
            }
        }
        return this;
    }

    /** Every stored email, SSN (with and without its dashes) and card number. */
    LogScan personalData(Map<String, Map<String, String>> stored) {
        for (Map<String, String> row : stored.values()) {
            add(row.get("email"), "customer " + row.get("id") + "'s email");
            add(row.get("ssn"), "customer " + row.get("id") + "'s SSN");
            add(row.get("ssn") == null ? null : row.get("ssn").replace("-", ""), "customer " + row.get("id") + "'s SSN");
            add(row.get("card_number"), "customer " + row.get("id") + "'s card number");
        }
        return this;
    }

    /** The given columns' values of every row ({@code what} names the row in a finding: "owner 3"). */
    LogScan values(Map<String, Map<String, String>> rows, String what, String... columns) {
        rows.forEach((id, row) -> {
            for (String column : columns) {
                add(row.get(column), what + " " + id + "'s " + column);
            }
        });
        return this;
    }

    /** One more value that must not be logged. */
    LogScan value(String value, String what) {
        add(value, what);
        return this;
    }

    private void add(String value, String what) {
        if (value != null) {
            secrets.put(value, what);
        }
    }

    /** "file: what" for every secret found in a file; empty when none is. */
    List<String> findIn(List<Path> files) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            secrets.forEach((secret, what) -> {
                if (text.contains(secret)) {
                    found.add(file.getFileName() + ": " + what);
                }
            });
        }
        return found;
    }
}
