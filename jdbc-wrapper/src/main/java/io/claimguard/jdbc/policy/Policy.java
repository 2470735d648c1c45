package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigFile;
import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.core.audit.RepeatThrottle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code jdbc} section of the configuration file: the protected columns and routines, and what
 * to do with statements that cannot be analysed or arrive without a subject. Immutable; loaded once
 * per configuration location and shared by every connection. A database's own views and routines
 * add rules of their own ({@link #extendedWith}), in a policy per database.
 */
public final class Policy {

    /** What to do with a statement that mentions protected columns but cannot be analysed. */
    public enum OnUnparseable { DENY, MASK }

    /** What to do when a statement touching protected columns runs with no subject. */
    public enum OnNoSubject { MASK, DENY }

    /** Whether the database's views and routines are read when the first connection opens. */
    public enum Catalog { READ, SKIP }

    private final String location;
    private final List<ColumnRule> rules;
    private final List<RoutineRule> routines;
    private final OnUnparseable onUnparseable;
    private final OnNoSubject onNoSubject;
    private final boolean allowUnwrap;
    private final String driverClass;
    private final Catalog catalog;
    private final RepeatThrottle.Settings audit;
    private final Mode mode;
    private final Subject outsideRequests;
    private final boolean expectsFilter;
    private final Map<String, List<ColumnRule>> rulesByColumn = new HashMap<>();
    private final Map<String, List<ColumnRule>> rulesByTable = new HashMap<>();
    private final Map<String, List<RoutineRule>> routinesByName = new HashMap<>();
    /** The lengths and first characters of every name above: most words of a text are passed over by these alone. */
    private final BitSet nameLengths = new BitSet();
    private final BitSet nameStarts = new BitSet();

    Policy(String location, List<ColumnRule> rules, List<RoutineRule> routines, OnUnparseable onUnparseable,
           OnNoSubject onNoSubject, boolean allowUnwrap, String driverClass, Catalog catalog,
           RepeatThrottle.Settings audit, Mode mode, Subject outsideRequests, boolean expectsFilter) {
        this.location = location;
        this.rules = List.copyOf(rules);
        this.routines = List.copyOf(routines);
        this.onUnparseable = onUnparseable;
        this.onNoSubject = onNoSubject;
        this.allowUnwrap = allowUnwrap;
        this.driverClass = driverClass;
        this.catalog = catalog;
        this.audit = audit;
        this.mode = mode;
        this.outsideRequests = outsideRequests;
        this.expectsFilter = expectsFilter;
        for (ColumnRule rule : this.rules) {
            rulesByColumn.computeIfAbsent(rule.column().column().key(), k -> new ArrayList<>()).add(rule);
            rulesByTable.computeIfAbsent(rule.column().table().key(), k -> new ArrayList<>()).add(rule);
        }
        for (RoutineRule routine : this.routines) {
            routinesByName.computeIfAbsent(routine.name().key(), k -> new ArrayList<>()).add(routine);
        }
        for (Map<String, ?> names : List.of(rulesByColumn, rulesByTable, routinesByName)) {
            for (String name : names.keySet()) {
                nameLengths.set(name.length());
                nameStarts.set(name.isEmpty() ? 0 : name.charAt(0));
            }
        }
    }

    /** Whether the word at {@code start} may be a name: its length and lower-cased first character occur among them. */
    private boolean mayBeName(String sql, int start, int length) {
        char first = sql.charAt(start);
        return nameLengths.get(length) && (first >= 128 || nameStarts.get(Character.toLowerCase(first)));
    }

    /** Reads the {@code jdbc} section of the located configuration file. */
    public static Policy load(ConfigFile file) {
        return PolicyReader.read(file);
    }

    /** Where this policy was read from, for messages. */
    public String location() {
        return location;
    }

    /** Every protected column: configured ones, then those derived from them (view columns). */
    public List<ColumnRule> rules() {
        return rules;
    }

    /** The routines the policy knows, and what a call of each derives from. */
    public List<RoutineRule> routines() {
        return routines;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * This policy with more rules: view columns derived from protected columns, and routines that
     * read them. The switches stay the same.
     */
    public Policy extendedWith(List<ColumnRule> derivedColumns, List<RoutineRule> moreRoutines) {
        List<ColumnRule> allRules = new ArrayList<>(rules);
        allRules.addAll(derivedColumns);
        List<RoutineRule> allRoutines = new ArrayList<>(routines);
        allRoutines.addAll(moreRoutines);
        return new Policy(location, allRules, allRoutines, onUnparseable, onNoSubject, allowUnwrap, driverClass, catalog,
                audit, mode, outsideRequests, expectsFilter);
    }

    /** How repeated audit events are counted: the configuration's {@code audit} section. */
    public RepeatThrottle.Settings audit() {
        return audit;
    }

    /**
     * {@code jdbc.mode}: whether the section's own switches ({@code on_no_subject}, batches built
     * for two subjects) refuse or only report, and the mode of columns without one of their own.
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Whom the application's own work outside requests acts as ({@code jdbc.outside_requests}):
     * start-up scripts, migrations, and jobs marked in {@link io.claimguard.core.GuardContext}. One
     * instance per policy, so that a run can tell it from a request's subject.
     */
    public Subject outsideRequests() {
        return outsideRequests;
    }

    /**
     * Whether the configuration file also has a {@code jwt} section: then requests are meant to
     * come through ClaimGuard's filter, and the driver says so loudly when none has started.
     */
    public boolean expectsFilter() {
        return expectsFilter;
    }

    /** Whether {@code subject} is {@link #outsideRequests()}. */
    public boolean isOutsideRequests(Subject subject) {
        return subject != null && subject == outsideRequests;
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

    /** The routine rules about the routine a statement calls {@code [schema.]name}. */
    public List<RoutineRule> routinesFor(Name schema, Name name, Dialect dialect) {
        List<RoutineRule> candidates = routinesByName.get(name.key());
        if (candidates == null) {
            return List.of();
        }
        List<RoutineRule> matching = new ArrayList<>(1);
        for (RoutineRule routine : candidates) {
            if (routine.matches(schema, name, dialect)) {
                matching.add(routine);
            }
        }
        return matching;
    }

    /** The protected columns a call of {@code [schema.]name} derives from (none for a routine not listed). */
    public Set<ColumnRule> routineReads(Name schema, Name name, Dialect dialect) {
        Set<ColumnRule> reads = new LinkedHashSet<>();
        for (RoutineRule routine : routinesFor(schema, name, dialect)) {
            reads.addAll(routine.reads());
        }
        return reads;
    }

    /**
     * The rules whose table, column or reading routine's name occurs as a word in {@code sql},
     * case-insensitively: a cheap over-approximation of what a statement may read, for SQL that
     * cannot be parsed.
     */
    public Set<ColumnRule> mentionedIn(String sql) {
        Set<ColumnRule> mentioned = new LinkedHashSet<>();
        for (String word : protectedNamesIn(sql)) {
            mentioned.addAll(rulesNamed(word));
        }
        return mentioned;
    }

    /**
     * The protected table and column names, and the names of routines that read protected columns
     * (case-folded), that occur as words in {@code sql}.
     */
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
            if (!mayBeName(sql, start, i - start)) {
                continue;
            }
            String word = sql.substring(start, i).toLowerCase(Locale.ROOT);
            if (rulesByColumn.containsKey(word) || rulesByTable.containsKey(word) || readsAnything(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** The rules whose table or column, or a routine reading them, is called {@code key} (case-folded). */
    public List<ColumnRule> rulesNamed(String key) {
        List<ColumnRule> named = new ArrayList<>(rulesByColumn.getOrDefault(key, List.of()));
        named.addAll(rulesByTable.getOrDefault(key, List.of()));
        for (RoutineRule routine : routinesByName.getOrDefault(key, List.of())) {
            named.addAll(routine.reads());
        }
        return named;
    }

    /** A routine listed as reading nothing ({@code reads: []}) is no protected name. */
    private boolean readsAnything(String routineKey) {
        List<RoutineRule> named = routinesByName.get(routineKey);
        return named != null && named.stream().anyMatch(r -> !r.reads().isEmpty());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    @Override
    public String toString() {
        return "Policy[" + location + ", " + rules.size() + " protected columns, " + routines.size() + " routines]";
    }
}
