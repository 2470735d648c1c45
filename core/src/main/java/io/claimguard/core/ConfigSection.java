package io.claimguard.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mapping of the ClaimGuard configuration file, read strictly: every accessor checks the
 * type of what it reads and fails with a {@link ConfigException} naming the file and the key
 * path ({@code jdbc.columns[2].mask}), never the value found, since a misplaced value can be a
 * secret. Obtain the top-level sections with {@link ConfigFile#section(String)}; every adapter
 * reads its own section through this class, so there is one YAML reader and one message style.
 *
 * <p>Absent keys and YAML {@code null} read the same: the accessor's fallback (or an empty
 * list). Present values must have the right type: {@code required: "true"} is not a flag.
 * Values set by {@link #withTextOverrides} (such as servlet filter init-params, which are plain
 * text) are the exception: they are parsed from text, and lists are comma-separated.
 *
 * <p>Instances are immutable.
 */
public final class ConfigSection {
    /** Choice values that look like a word are shown in messages ("not 'sometimes'"); anything else is not. */
    private static final Pattern SHOWABLE_WORD = Pattern.compile("[A-Za-z_-]{1,32}");

    /** A value given as text from outside the file. */
    private record Text(String value, String origin) {
    }

    private final String location;
    private final String path;
    private final Map<?, ?> values;

    ConfigSection(String location, String path, Map<?, ?> values) {
        this.location = location;
        this.path = path;
        this.values = values;
    }

    /** The configuration file's location, as {@link ConfigFile#location()}. */
    public String location() {
        return location;
    }

    /** Where this mapping is in the file, such as {@code jwt} or {@code jdbc.columns[0]}; used in messages. */
    public String path() {
        return path;
    }

    /**
     * The same mapping shown under another path in messages, such as {@code jdbc.columns[0] (customers.ssn)}
     * once the entry's own name is known.
     */
    public ConfigSection describedAs(String newPath) {
        return new ConfigSection(location, newPath, values);
    }

    /**
     * A copy in which each key of {@code overrides} holds the given text instead of the file's
     * value. The caller decides which keys may be overridden. {@code origin} names where the text
     * came from in messages, such as {@code "filter init-param"}.
     */
    public ConfigSection withTextOverrides(Map<String, String> overrides, String origin) {
        Map<Object, Object> merged = new LinkedHashMap<>(values);
        overrides.forEach((key, text) -> merged.put(key, new Text(text, origin)));
        return new ConfigSection(location, path, Collections.unmodifiableMap(merged));
    }

    /** Whether {@code key} is present with a non-null value. */
    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The keys present, in file order, as text. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        values.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }

    /**
     * @throws ConfigException naming the first key that is not in {@code known}, and listing the known
     *         keys in sorted order; in flow style ({@code {secret:"x"}} without a space) a key can hold a
     *         value, so only a key's leading name is shown
     */
    public void rejectUnknownKeys(Set<String> known) {
        for (Object key : values.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw fail(path + " has an unknown key " + shownKey(String.valueOf(key))
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A non-blank string, trimmed; null when absent. */
    public String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value instanceof Text given ? given.value() : value instanceof String s ? s : null;
        if (text == null || text.isBlank()) {
            throw fail(where(key) + " must be a non-empty string");
        }
        return text.trim();
    }

    public String text(String key, String fallback) {
        String text = text(key);
        return text == null ? fallback : text;
    }

    /** {@code true} or {@code false}: a YAML boolean, or that exact text when overridden. */
    public boolean flag(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Text given && (given.value().trim().equals("true") || given.value().trim().equals("false"))) {
            return Boolean.parseBoolean(given.value().trim());
        }
        throw fail(where(key) + " must be true or false");
    }

    /** A whole number from {@code min} to {@code max}: a YAML integer, or decimal digits when overridden. */
    public long integer(String key, long min, long max, long fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        BigInteger number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            number = new BigInteger(value.toString());
        } else if (value instanceof Text given && given.value().trim().matches("-?[0-9]{1,19}")) {
            number = new BigInteger(given.value().trim());
        }
        if (number == null || number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(where(key) + " must be a whole number from " + min + " to " + max);
        }
        return number.longValue();
    }

    /**
     * One of {@code type}'s constants, named case-insensitively; {@code fallback} when absent. The
     * message lists the allowed names and repeats the value only when it looks like a plain word.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw fail(where(key) + " must be one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT)
                + (SHOWABLE_WORD.matcher(value).matches() ? ", not '" + value + "'" : ""));
    }

    /**
     * A string or a list of strings (a comma-separated list when overridden); empty when absent.
     */
    public List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Text given) {
            List<String> items = new ArrayList<>();
            for (String item : given.value().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return List.copyOf(items);
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw fail(where(key) + " must be a string or a list of strings");
    }

    /** The mapping under {@code key}, if present. */
    public Optional<ConfigSection> section(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(where(key) + " must be a mapping");
        }
        return Optional.of(new ConfigSection(location, where(key), map));
    }

    /**
     * The mapping under {@code key} as the file gives it (strings, numbers, flags, lists and
     * mappings), for data the configuration passes on rather than reads, such as claims; empty
     * when absent.
     */
    public Map<String, Object> data(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw fail(where(key) + " must be a mapping of names to values");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        map.forEach((name, item) -> data.put((String) name, item));
        return Collections.unmodifiableMap(data);
    }

    /** The list of mappings under {@code key}, each with its index in its path; empty when absent. */
    public List<ConfigSection> sections(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw fail(where(key) + " must be a list");
        }
        List<ConfigSection> sections = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = where(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw fail(at + " must be a mapping");
            }
            sections.add(new ConfigSection(location, at, map));
        }
        return List.copyOf(sections);
    }

    /** A failure in this file's words: {@code ClaimGuard configuration FILE: problem}. */
    public ConfigException fail(String problem) {
        return failure(location, problem);
    }

    static ConfigException failure(String location, String problem) {
        return new ConfigException("ClaimGuard configuration " + location + ": " + problem);
    }

    private String where(String key) {
        Object value = values.get(key);
        String at = path.isEmpty() ? key : path + "." + key;
        return value instanceof Text given ? given.origin() + " " + at : at;
    }

    /**
     * An unknown key as a message may show it. In flow style, {@code {hash_secret:"..."}} (no space
     * after the colon) is one key holding the secret, so only a key's leading name is shown.
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

    @Override
    public String toString() {
        return "ConfigSection[" + location + ": " + path + "]";   // never the values
    }
}
