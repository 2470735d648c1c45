package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code jdbc} section of the configuration file: the protected columns and what to do with
 * statements that cannot be analysed or arrive without a subject. Immutable; loaded once per
 * configuration location and shared by every connection.
 */
public final class Policy {

    /** What to do with a statement that mentions protected columns but cannot be analysed. */
    public enum OnUnparseable { DENY, MASK }

    /** What to do when a statement touching protected columns runs with no subject. */
    public enum OnNoSubject { MASK, DENY }

    private final String location;
    private final List<ColumnRule> rules;
    private final OnUnparseable onUnparseable;
    private final OnNoSubject onNoSubject;
    private final boolean allowUnwrap;
    private final String driverClass;
    private final Map<String, List<ColumnRule>> rulesByColumn = new HashMap<>();
    private final Map<String, List<ColumnRule>> rulesByTable = new HashMap<>();

    Policy(String location, List<ColumnRule> rules, OnUnparseable onUnparseable, OnNoSubject onNoSubject,
           boolean allowUnwrap, String driverClass) {
        this.location = location;
        this.rules = List.copyOf(rules);
        this.onUnparseable = onUnparseable;
        this.onNoSubject = onNoSubject;
        this.allowUnwrap = allowUnwrap;
        this.driverClass = driverClass;
        for (ColumnRule rule : this.rules) {
            rulesByColumn.computeIfAbsent(rule.column().column().key(), k -> new ArrayList<>()).add(rule);
            rulesByTable.computeIfAbsent(rule.column().table().key(), k -> new ArrayList<>()).add(rule);
        }
    }

    /** Reads the {@code jdbc} section of the located configuration file. */
    public static Policy load(ConfigFile file) {
        return PolicyReader.read(file.location(), file.text());
    }

    /** Where this policy was read from, for messages. */
    public String location() {
        return location;
    }

    public List<ColumnRule> rules() {
        return rules;
    }

    public OnUnparseable onUnparseable() {
        return onUnparseable;
    }

    public OnNoSubject onNoSubject() {
        return onNoSubject;
    }

    /** Whether {@code unwrap} may hand out the driver's own objects. Off by default: they see everything. */
    public boolean allowUnwrap() {
        return allowUnwrap;
    }

    /** The target driver class to load when DriverManager and ServiceLoader do not find one. */
    public Optional<String> driverClass() {
        return Optional.ofNullable(driverClass);
    }

    /** The rules protecting the column a statement or the driver names {@code reference}. */
    public List<ColumnRule> rulesFor(ColumnRef reference, Dialect dialect) {
        List<ColumnRule> candidates = rulesByColumn.get(reference.column().key());
        if (candidates == null) {
            return List.of();
        }
        List<ColumnRule> matching = new ArrayList<>(1);
        for (ColumnRule rule : candidates) {
            if (rule.matches(reference, dialect)) {
                matching.add(rule);
            }
        }
        return matching;
    }

    /** The rules protecting any column of a table (for {@code *} and whole-row references). */
    public List<ColumnRule> rulesForTable(Name schema, Name table, Dialect dialect) {
        List<ColumnRule> candidates = rulesByTable.get(table.key());
        if (candidates == null) {
            return List.of();
        }
        List<ColumnRule> matching = new ArrayList<>(candidates.size());
        for (ColumnRule rule : candidates) {
            if (rule.protectsTable(schema, table, dialect)) {
                matching.add(rule);
            }
        }
        return matching;
    }

    /**
     * The rules whose table or column name occurs as a word in {@code sql}, case-insensitively:
     * a cheap over-approximation of what a statement may read, for SQL that cannot be parsed.
     */
    public Set<ColumnRule> mentionedIn(String sql) {
        Set<ColumnRule> mentioned = new LinkedHashSet<>();
        for (String word : protectedNamesIn(sql)) {
            mentioned.addAll(rulesNamed(word));
        }
        return mentioned;
    }

    /** The protected table and column names (case-folded) that occur as words in {@code sql}. */
    public Set<String> protectedNamesIn(String sql) {
        Set<String> found = new LinkedHashSet<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            if (!isWordChar(sql.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isWordChar(sql.charAt(i))) {
                i++;
            }
            String word = sql.substring(start, i).toLowerCase(Locale.ROOT);
            if (rulesByColumn.containsKey(word) || rulesByTable.containsKey(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** The rules whose table or column is called {@code key} (case-folded). */
    public List<ColumnRule> rulesNamed(String key) {
        List<ColumnRule> named = new ArrayList<>(rulesByColumn.getOrDefault(key, List.of()));
        named.addAll(rulesByTable.getOrDefault(key, List.of()));
        return named;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    @Override
    public String toString() {
        return "Policy[" + location + ", " + rules.size() + " protected columns]";
    }
}
