package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigException;
import io.claimguard.core.Requirement;
import io.claimguard.jdbc.mask.ColumnMask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
 */
final class PolicyReader {
    private static final Set<String> SECTION_KEYS = Set.of("on_unparseable", "on_no_subject", "allow_unwrap",
            "driver_class", "hash_secret_env", "hash_secret", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("column", "allow", "mask", "predicates", "writes");

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
        return new Policy(location, rules,
                choice(jdbc, "on_unparseable", Policy.OnUnparseable.class, Policy.OnUnparseable.DENY),
                choice(jdbc, "on_no_subject", Policy.OnNoSubject.class, Policy.OnNoSubject.MASK),
                flag(jdbc, "allow_unwrap"),
                text(jdbc, "driver_class", "jdbc"));
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
