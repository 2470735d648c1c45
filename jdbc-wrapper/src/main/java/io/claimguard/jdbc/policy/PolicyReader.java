package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigException;
import io.claimguard.core.Requirement;
import io.claimguard.jdbc.mask.ColumnMask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns the {@code jdbc} section of the YAML configuration into a {@link Policy}, rejecting
 * anything it does not understand: a misspelt key must not quietly drop a protection.
 *
 * <p>Besides {@code columns}, the section may name views ({@code views}: a view column and the
 * protected columns it derives from) and routines ({@code routines}: what a function's result or a
 * procedure's OUT parameters derive from), for databases or objects whose catalog cannot be read;
 * every column they name must be one of {@code columns}.
 */
final class PolicyReader {
    private static final Set<String> SECTION_KEYS = Set.of("on_unparseable", "on_no_subject", "allow_unwrap",
            "driver_class", "hash_secret_env", "hash_secret", "columns", "catalog", "views", "routines");
    private static final Set<String> COLUMN_KEYS = Set.of("column", "allow", "mask", "predicates", "writes");
    private static final Set<String> VIEW_KEYS = Set.of("column", "from", "mask");
    private static final Set<String> ROUTINE_KEYS = Set.of("routine", "reads", "out");

    private final String location;

    private PolicyReader(String location) {
        this.location = location;
    }

    static Policy read(String location, String yaml) {
        return new PolicyReader(location).read(yaml);
    }

    private Policy read(String yaml) {
        Map<?, ?> root = asMap(parse(yaml), "the top level");
        Object section = root.get("jdbc");
        if (section == null) {
            throw fail("there is no 'jdbc' section; the ClaimGuard driver needs one "
                    + "(write 'jdbc: {columns: []}' to protect nothing on purpose)");
        }
        Map<?, ?> jdbc = asMap(section, "jdbc");
        rejectUnknownKeys(jdbc, SECTION_KEYS, "jdbc");
        byte[] hashKey = hashKey(jdbc);
        List<ColumnRule> rules = new ArrayList<>();
        Object columns = jdbc.get("columns");
        if (columns == null) {
            throw fail("jdbc.columns is missing (write 'columns: []' to protect nothing on purpose)");
        }
        if (!(columns instanceof List<?> list)) {
            throw fail("jdbc.columns must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(asMap(list.get(i), "jdbc.columns[" + i + "]"), "jdbc.columns[" + i + "]", hashKey));
        }
        List<ColumnRule> configured = List.copyOf(rules);
        List<?> views = list(jdbc, "views");
        for (int i = 0; i < views.size(); i++) {
            String where = "jdbc.views[" + i + "]";
            rules.addAll(viewColumn(asMap(views.get(i), where), where, configured, hashKey));
        }
        List<RoutineRule> routines = new ArrayList<>();
        List<?> routineEntries = list(jdbc, "routines");
        for (int i = 0; i < routineEntries.size(); i++) {
            String where = "jdbc.routines[" + i + "]";
            RoutineRule routine = routine(asMap(routineEntries.get(i), where), where, configured);
            if (routines.stream().anyMatch(r -> r.toString().equalsIgnoreCase(routine.toString()))) {
                throw fail(where + " names routine " + routine + " a second time; list each routine once");
            }
            routines.add(routine);
        }
        return new Policy(location, rules, routines,
                choice(jdbc, "on_unparseable", Policy.OnUnparseable.class, Policy.OnUnparseable.DENY),
                choice(jdbc, "on_no_subject", Policy.OnNoSubject.class, Policy.OnNoSubject.MASK),
                flag(jdbc, "allow_unwrap"),
                text(jdbc, "driver_class", "jdbc"),
                choice(jdbc, "catalog", Policy.Catalog.class, Policy.Catalog.READ));
    }

    /**
     * A view column named explicitly: one rule per protected column it derives from, with that
     * column's {@code allow}, {@code predicates} and {@code writes}, and its own mask (NULL unless
     * given: a view usually computes its columns).
     */
    private List<ColumnRule> viewColumn(Map<?, ?> entry, String where, List<ColumnRule> configured, byte[] hashKey) {
        rejectUnknownKeys(entry, VIEW_KEYS, where);
        String reference = text(entry, "column", where);
        if (reference == null) {
            throw fail(where + " has no 'column' (write [schema.]view.column)");
        }
        String context = where + " (" + reference + ")";
        ColumnRef column;
        ColumnMask mask;
        try {
            column = ColumnRef.parse(reference);
            Object maskSpec = entry.get("mask");
            if (maskSpec != null && !(maskSpec instanceof String)) {
                throw new ConfigException("mask must be a string");
            }
            mask = ColumnMask.parse((String) maskSpec, hashKey);
        } catch (ConfigException | IllegalArgumentException e) {
            throw fail(context + ": " + e.getMessage());
        }
        if (entry.get("from") == null) {
            throw fail(context + " has no 'from' (the protected column or columns it derives from)");
        }
        List<ColumnRule> sources = protectedColumns(entry.get("from"), context + ".from", configured);
        if (sources.isEmpty()) {
            throw fail(context + ".from must name at least one protected column");
        }
        List<ColumnRule> derived = new ArrayList<>();
        for (ColumnRule source : sources) {
            derived.add(new ColumnRule(column, source.allow(), mask, source.denyPredicates(), source.writes()));
        }
        return derived;
    }

    /** A routine named explicitly: what its result, and each named OUT parameter, derives from. */
    private RoutineRule routine(Map<?, ?> entry, String where, List<ColumnRule> configured) {
        rejectUnknownKeys(entry, ROUTINE_KEYS, where);
        String reference = text(entry, "routine", where);
        if (reference == null) {
            throw fail(where + " has no 'routine' (write [schema.]name)");
        }
        String context = where + " (" + reference + ")";
        Name[] name;
        try {
            name = RoutineRule.parseName(reference);
        } catch (ConfigException e) {
            throw fail(context + ": " + e.getMessage());
        }
        if (!entry.containsKey("reads")) {
            throw fail(context + " has no 'reads' (the protected columns its result derives from; "
                    + "write 'reads: []' for a routine that reads none)");
        }
        Set<ColumnRule> reads = new LinkedHashSet<>(protectedColumns(entry.get("reads"), context + ".reads", configured));
        Map<String, ColumnRule> out = new LinkedHashMap<>();
        Object outEntry = entry.get("out");
        if (outEntry != null) {
            for (Map.Entry<?, ?> parameter : asMap(outEntry, context + ".out").entrySet()) {
                String parameterName = String.valueOf(parameter.getKey());
                List<ColumnRule> sources = parameter.getValue() instanceof String
                        ? protectedColumns(parameter.getValue(), context + ".out." + parameterName, configured) : null;
                if (sources == null || sources.size() != 1) {
                    throw fail(context + ".out." + parameterName + " must name one protected column of jdbc.columns");
                }
                out.put(parameterName.toLowerCase(Locale.ROOT), sources.get(0));
                reads.add(sources.get(0));   // what a parameter hands out, the routine reads
            }
        }
        return new RoutineRule(name[0], name[1], new ArrayList<>(reads), out);
    }

    /**
     * The configured rules that a string or list of {@code [schema.]table.column} references name;
     * an unqualified reference names the column in every schema the policy protects it in.
     */
    private List<ColumnRule> protectedColumns(Object value, String where, List<ColumnRule> configured) {
        List<String> references;
        if (value instanceof String single) {
            references = List.of(single);
        } else if (value instanceof List<?> many && many.stream().allMatch(String.class::isInstance)) {
            references = many.stream().map(String.class::cast).toList();
        } else {
            throw fail(where + " must be a column reference or a list of them");
        }
        List<ColumnRule> found = new ArrayList<>();
        for (String reference : references) {
            ColumnRef named;
            try {
                named = ColumnRef.parse(reference);
            } catch (ConfigException e) {
                throw fail(where + ": " + e.getMessage());
            }
            List<ColumnRule> matching = configured.stream().filter(rule -> sameColumn(rule.column(), named)).toList();
            if (matching.isEmpty()) {
                throw fail(where + " names " + reference + ", which is not a protected column in jdbc.columns");
            }
            found.addAll(matching);
        }
        return found;
    }

    private static boolean sameColumn(ColumnRef rule, ColumnRef named) {
        return rule.column().key().equals(named.column().key()) && rule.table().key().equals(named.table().key())
                && (named.schema() == null || rule.schema() == null || rule.schema().key().equals(named.schema().key()));
    }

    private List<?> list(Map<?, ?> jdbc, String key) {
        Object value = jdbc.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw fail("jdbc." + key + " must be a list");
        }
        return list;
    }

    private ColumnRule rule(Map<?, ?> entry, String where, byte[] hashKey) {
        rejectUnknownKeys(entry, COLUMN_KEYS, where);
        String reference = text(entry, "column", where);
        if (reference == null) {
            throw fail(where + " has no 'column'");
        }
        String context = where + " (" + reference + ")";
        ColumnRef column;
        Requirement allow;
        ColumnMask mask;
        try {
            column = ColumnRef.parse(reference);
            allow = Requirement.anyOf(strings(entry.get("allow"), context + ".allow"));
            Object maskSpec = entry.get("mask");
            if (maskSpec != null && !(maskSpec instanceof String)) {
                throw new ConfigException("mask must be a string");
            }
            mask = ColumnMask.parse((String) maskSpec, hashKey);
        } catch (ConfigException | IllegalArgumentException e) {
            throw fail(context + ": " + e.getMessage());
        }
        String predicates = text(entry, "predicates", context);
        boolean denyPredicates;
        if (predicates == null || predicates.equalsIgnoreCase("allow")) {
            denyPredicates = false;
        } else if (predicates.equalsIgnoreCase("deny")) {
            denyPredicates = true;
        } else {
            throw fail(context + ".predicates must be allow or deny, not '" + predicates + "'");
        }
        return new ColumnRule(column, allow, mask, denyPredicates,
                choice(entry, "writes", ColumnRule.Writes.class, ColumnRule.Writes.PRESERVE, context));
    }

    private byte[] hashKey(Map<?, ?> jdbc) {
        String variable = text(jdbc, "hash_secret_env", "jdbc");
        String inline = text(jdbc, "hash_secret", "jdbc");
        if (variable != null && inline != null) {
            throw fail("jdbc sets both hash_secret_env and hash_secret; keep one (hash_secret_env is preferred)");
        }
        if (variable != null) {
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw fail("jdbc.hash_secret_env names the environment variable " + variable + ", which is not set");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        return inline == null ? null : inline.getBytes(StandardCharsets.UTF_8);
    }

    private Object parse(String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(location)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Object root = new Load(settings).loadFromString(yaml);
            if (root == null) {
                throw fail("the file is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            // The exception's own message quotes the offending line, which may hold a secret.
            String where = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            throw fail("the file is not valid YAML" + where + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw fail("the file is not valid YAML");
        }
    }

    private Map<?, ?> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw fail(what + " must be a mapping");
    }

    private void rejectUnknownKeys(Map<?, ?> map, Set<String> known, String where) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw fail(where + " has an unknown key " + shownKey(String.valueOf(key))
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * An unknown key as the message may show it. In flow style, {@code {hash_secret:"..."}} (no
     * space after the colon) is one key holding the secret, so only a key's leading name is shown.
     */
    private static String shownKey(String key) {
        int end = 0;
        while (end < key.length() && (Character.isLetterOrDigit(key.charAt(end)) || key.charAt(end) == '_'
                || key.charAt(end) == '-')) {
            end++;
        }
        if (end == key.length()) {
            return "'" + key + "'";
        }
        return "'" + key.substring(0, end) + "...' (the rest is not shown; a missing space after ':'?)";
    }

    private String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw fail(where + "." + key + " must be a non-empty string");
        }
        return s.trim();
    }

    private boolean flag(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw fail("jdbc." + key + " must be true or false");
        }
        return b;
    }

    private <E extends Enum<E>> E choice(Map<?, ?> map, String key, Class<E> type, E fallback) {
        return choice(map, key, type, fallback, "jdbc");
    }

    private <E extends Enum<E>> E choice(Map<?, ?> map, String key, Class<E> type, E fallback, String where) {
        String value = text(map, key, where);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(where + "." + key + " must be one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT)
                    + ", not '" + value + "'");
        }
    }

    private List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof Collection<?> values) {
            List<String> result = new ArrayList<>();
            for (Object v : values) {
                if (!(v instanceof String s)) {
                    throw new ConfigException(where + " must list requirement strings");
                }
                result.add(s);
            }
            return result;
        }
        throw new ConfigException(where + " must be a list of requirement strings");
    }

    private ConfigException fail(String problem) {
        return new ConfigException("ClaimGuard configuration " + location + ": " + problem);
    }
}
