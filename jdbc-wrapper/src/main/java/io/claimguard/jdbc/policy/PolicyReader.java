package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.ConfigSection;
import io.claimguard.core.Mode;
import io.claimguard.core.Requirement;
import io.claimguard.core.Subject;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.jdbc.mask.ColumnMask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code jdbc} section of the YAML configuration into a {@link Policy}, rejecting
 * anything it does not understand: a misspelt key must not quietly drop a protection. The YAML
 * itself, types and messages are core's {@link ConfigSection}.
 *
 * <p>Besides {@code columns}, the section may name views ({@code views}: a view column and the
 * protected columns it derives from) and routines ({@code routines}: what a function's result or a
 * procedure's OUT parameters derive from), for databases or objects whose catalog cannot be read;
 * every column they name must be one of {@code columns}.
 */
final class PolicyReader {
    private static final Set<String> SECTION_KEYS = Set.of("on_unparseable", "on_no_subject", "allow_unwrap",
            "driver_class", "hash_secret_env", "hash_secret", "columns", "catalog", "views", "routines", "mode",
            "outside_requests");
    private static final Set<String> OUTSIDE_REQUESTS_KEYS = Set.of("claims");
    /** The {@code sub} of work outside requests when the configuration names none. */
    static final String OUTSIDE_REQUESTS_SUB = "outside-requests";
    private static final Set<String> COLUMN_KEYS = Set.of("column", "allow", "mask", "predicates", "writes", "mode");
    private static final Set<String> VIEW_KEYS = Set.of("column", "from", "mask");
    private static final Set<String> ROUTINE_KEYS = Set.of("routine", "reads", "out");

    /** {@code predicates}: may subjects who cannot see the column filter, join, group or sort on it. */
    private enum Predicates { ALLOW, DENY }

    private PolicyReader() {
    }

    static Policy read(ConfigFile file) {
        ConfigSection jdbc = file.section("jdbc").orElseThrow(() -> new ConfigException("ClaimGuard configuration "
                + file.location() + ": there is no 'jdbc' section; the ClaimGuard driver needs one "
                + "(write 'jdbc: {columns: []}' to protect nothing on purpose)"));
        jdbc.rejectUnknownKeys(SECTION_KEYS);
        byte[] hashKey = hashKey(jdbc);
        Mode mode = jdbc.choice("mode", Mode.class, Mode.ENFORCE);
        if (!jdbc.has("columns")) {
            throw jdbc.fail("jdbc.columns is missing (write 'columns: []' to protect nothing on purpose)");
        }
        List<ColumnRule> rules = new ArrayList<>();
        for (ConfigSection entry : jdbc.sections("columns")) {
            rules.add(rule(entry, hashKey, mode));
        }
        List<ColumnRule> configured = List.copyOf(rules);
        for (ConfigSection entry : jdbc.sections("views")) {
            rules.addAll(viewColumn(entry, configured, hashKey));
        }
        List<RoutineRule> routines = new ArrayList<>();
        for (ConfigSection entry : jdbc.sections("routines")) {
            RoutineRule routine = routine(entry, configured);
            if (routines.stream().anyMatch(r -> r.toString().equalsIgnoreCase(routine.toString()))) {
                throw jdbc.fail(entry.path() + " names routine " + routine + " a second time; list each routine once");
            }
            routines.add(routine);
        }
        return new Policy(file.location(), rules, routines,
                jdbc.choice("on_unparseable", Policy.OnUnparseable.class, Policy.OnUnparseable.DENY),
                jdbc.choice("on_no_subject", Policy.OnNoSubject.class, Policy.OnNoSubject.MASK),
                jdbc.flag("allow_unwrap", false),
                jdbc.text("driver_class"),
                jdbc.choice("catalog", Policy.Catalog.class, Policy.Catalog.READ),
                RepeatThrottle.Settings.read(file), mode, outsideRequests(jdbc), file.section("jwt").isPresent());
    }

    /**
     * {@code outside_requests.claims}: the claims work outside requests acts with, read as a
     * token's claims would be; {@code sub} defaults to {@value #OUTSIDE_REQUESTS_SUB}, so that
     * audit events name it, and without roles or scopes it may see no protected column.
     */
    private static Subject outsideRequests(ConfigSection jdbc) {
        ConfigSection section = jdbc.section("outside_requests").orElse(null);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", OUTSIDE_REQUESTS_SUB);
        if (section != null) {
            section.rejectUnknownKeys(OUTSIDE_REQUESTS_KEYS);
            claims.putAll(section.data("claims"));
        }
        try {
            return Subject.fromClaims(claims);
        } catch (IllegalArgumentException e) {
            throw jdbc.fail("jdbc.outside_requests.claims.sub must be a non-blank string");
        }
    }

    /**
     * A view column named explicitly: one rule per protected column it derives from, with that
     * column's {@code allow}, {@code predicates} and {@code writes}, and its own mask (NULL unless
     * given: a view usually computes its columns).
     */
    private static List<ColumnRule> viewColumn(ConfigSection entry, List<ColumnRule> configured, byte[] hashKey) {
        entry.rejectUnknownKeys(VIEW_KEYS);
        String reference = entry.text("column");
        if (reference == null) {
            throw entry.fail(entry.path() + " has no 'column' (write [schema.]view.column)");
        }
        ConfigSection view = entry.describedAs(entry.path() + " (" + reference + ")");
        ColumnRef column;
        ColumnMask mask;
        try {
            column = ColumnRef.parse(reference);
            mask = ColumnMask.parse(view.text("mask"), hashKey);
        } catch (IllegalArgumentException e) {
            throw view.fail(view.path() + ": " + e.getMessage());
        } catch (ConfigException e) {
            throw wrapped(view, e);
        }
        if (!view.has("from")) {
            throw view.fail(view.path() + " has no 'from' (the protected column or columns it derives from)");
        }
        List<ColumnRule> sources = protectedColumns(view, "from", configured);
        if (sources.isEmpty()) {
            throw view.fail(view.path() + ".from must name at least one protected column");
        }
        List<ColumnRule> derived = new ArrayList<>();
        for (ColumnRule source : sources) {
            derived.add(new ColumnRule(column, source.allow(), mask, source.denyPredicates(), source.writes(),
                    source.mode()));
        }
        return derived;
    }

    /** A routine named explicitly: what its result, and each named OUT parameter, derives from. */
    private static RoutineRule routine(ConfigSection entry, List<ColumnRule> configured) {
        entry.rejectUnknownKeys(ROUTINE_KEYS);
        String reference = entry.text("routine");
        if (reference == null) {
            throw entry.fail(entry.path() + " has no 'routine' (write [schema.]name)");
        }
        ConfigSection routine = entry.describedAs(entry.path() + " (" + reference + ")");
        Name[] name;
        try {
            name = RoutineRule.parseName(reference);
        } catch (ConfigException e) {
            throw routine.fail(routine.path() + ": " + e.getMessage());
        }
        if (!routine.keys().contains("reads")) {
            throw routine.fail(routine.path() + " has no 'reads' (the protected columns its result derives from; "
                    + "write 'reads: []' for a routine that reads none)");
        }
        Set<ColumnRule> reads = new LinkedHashSet<>(protectedColumns(routine, "reads", configured));
        Map<String, ColumnRule> out = new LinkedHashMap<>();
        ConfigSection parameters = routine.section("out").orElse(null);
        if (parameters != null) {
            for (String parameter : parameters.keys()) {
                String oneColumn = parameters.path() + "." + parameter + " must name one protected column of jdbc.columns";
                List<ColumnRule> sources;
                try {
                    parameters.text(parameter);   // one reference, not a list of them
                    sources = protectedColumns(parameters, parameter, configured);
                } catch (ConfigException e) {
                    throw e.getMessage().contains("not a protected column") ? e : parameters.fail(oneColumn);
                }
                if (sources.size() != 1) {
                    throw parameters.fail(oneColumn);
                }
                out.put(parameter.toLowerCase(Locale.ROOT), sources.get(0));
                reads.add(sources.get(0));   // what a parameter hands out, the routine reads
            }
        }
        return new RoutineRule(name[0], name[1], new ArrayList<>(reads), out);
    }

    /**
     * The configured rules that {@code key}'s reference or list of {@code [schema.]table.column}
     * references names; an unqualified reference names the column in every schema the policy
     * protects it in.
     */
    private static List<ColumnRule> protectedColumns(ConfigSection entry, String key, List<ColumnRule> configured) {
        String where = entry.path() + "." + key;
        List<String> references;
        try {
            references = entry.strings(key);
        } catch (ConfigException e) {
            throw entry.fail(where + " must be a column reference or a list of them");
        }
        List<ColumnRule> found = new ArrayList<>();
        for (String reference : references) {
            ColumnRef named;
            try {
                named = ColumnRef.parse(reference);
            } catch (ConfigException e) {
                throw entry.fail(where + ": " + e.getMessage());
            }
            List<ColumnRule> matching = configured.stream().filter(rule -> sameColumn(rule.column(), named)).toList();
            if (matching.isEmpty()) {
                throw entry.fail(where + " names " + reference + ", which is not a protected column in jdbc.columns");
            }
            found.addAll(matching);
        }
        return found;
    }

    private static boolean sameColumn(ColumnRef rule, ColumnRef named) {
        return rule.column().key().equals(named.column().key()) && rule.table().key().equals(named.table().key())
                && (named.schema() == null || rule.schema() == null || rule.schema().key().equals(named.schema().key()));
    }

    /** @param sectionMode {@code jdbc.mode}, for a column without a {@code mode} of its own */
    private static ColumnRule rule(ConfigSection entry, byte[] hashKey, Mode sectionMode) {
        entry.rejectUnknownKeys(COLUMN_KEYS);
        String reference = entry.text("column");
        if (reference == null) {
            throw entry.fail(entry.path() + " has no 'column'");
        }
        ConfigSection column = entry.describedAs(entry.path() + " (" + reference + ")");
        ColumnRef ref;
        Requirement allow;
        ColumnMask mask;
        try {
            ref = ColumnRef.parse(reference);
            allow = Requirement.anyOf(column.strings("allow"));
            mask = ColumnMask.parse(column.text("mask"), hashKey);
        } catch (IllegalArgumentException e) {
            throw column.fail(column.path() + ": " + e.getMessage());
        } catch (ConfigException e) {
            throw wrapped(column, e);
        }
        return new ColumnRule(ref, allow, mask,
                column.choice("predicates", Predicates.class, Predicates.ALLOW) == Predicates.DENY,
                column.choice("writes", ColumnRule.Writes.class, ColumnRule.Writes.PRESERVE),
                column.choice("mode", Mode.class, sectionMode));
    }

    /** A problem found by a parser of one value (a column reference, a mask), placed in the file. */
    private static ConfigException wrapped(ConfigSection where, ConfigException e) {
        return e.getMessage().startsWith("ClaimGuard configuration ") ? e : where.fail(where.path() + ": " + e.getMessage());
    }

    private static byte[] hashKey(ConfigSection jdbc) {
        String variable = jdbc.text("hash_secret_env");
        String inline = jdbc.text("hash_secret");
        if (variable != null && inline != null) {
            throw jdbc.fail("jdbc sets both hash_secret_env and hash_secret; keep one (hash_secret_env is preferred)");
        }
        if (variable != null) {
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw jdbc.fail("jdbc.hash_secret_env names the environment variable " + variable + ", which is not set");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        return inline == null ? null : inline.getBytes(StandardCharsets.UTF_8);
    }
}
