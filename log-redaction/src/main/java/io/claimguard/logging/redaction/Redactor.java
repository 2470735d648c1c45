package io.claimguard.logging.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes tokens and personal data from a line of text. Immutable and safe for any number of
 * threads: each call keeps its state in locals.
 *
 * <p>One pass over the line looks only at cheap triggers: a key separator ({@code =}, {@code :},
 * {@code >}), from which the key name before it is read backwards; a capital or one of the
 * letters {@code e g x s r w b} starting a token (a JWT's {@code eyJ}, a vendor token prefix, an
 * IBAN country code, a scheme word); a digit starting a token (cards, SSNs, phone numbers);
 * {@code @} (emails); {@code +} and {@code (} (phone numbers); and {@code -----BEGIN} (PEM keys).
 * Other characters cost one table read, and the inside of a word, id or hex string is skipped
 * whole. Validation (Luhn, mod-97, SSN rules, the JWT header, the phone-number metadata) runs
 * only around a candidate, over a bounded span, and the scan resumes after it, so the time is
 * linear in the line's length whatever it holds. A line with nothing to redact comes back as the
 * same String, with no copy made.
 *
 * <p>Custom patterns, if any, run afterwards as one regex pass each.
 */
public final class Redactor {

    /** By {@link Kind#ordinal()}: an array read, where a Set would cost a call per trigger. */
    private final boolean[] enabled;
    private final Replacement replacement;
    private final SecretKeys secretKeys;
    private final Phones phones;
    private final List<CustomPattern> patterns;

    private Redactor(Builder b) {
        this.enabled = new boolean[Kind.values().length];
        b.enabled.forEach(kind -> enabled[kind.ordinal()] = true);
        this.replacement = b.replacement();
        this.secretKeys = new SecretKeys(b.extraKeys);
        this.phones = new Phones(b.phoneRegion);
        this.patterns = List.copyOf(b.patterns);
    }

    private static final byte NONE = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SEPARATOR = 3;
    private static final byte AT = 4;
    private static final byte PLUS_OR_PAREN = 5;
    private static final byte DASH = 6;
    /**
     * What each ASCII character may start. Most characters, including most letters, start nothing
     * and cost one array read: key names are found from the separator after them, so ordinary
     * words are never read as words at all.
     */
    private static final byte[] TRIGGERS = new byte[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            TRIGGERS[c] = LETTER; // IBAN country codes, AKIA/AIza, Bearer/Basic
        }
        for (char c : "egxsrwb".toCharArray()) {
            TRIGGERS[c] = LETTER; // eyJ, vendor token prefixes, bearer/basic
        }
        for (char c = '0'; c <= '9'; c++) {
            TRIGGERS[c] = DIGIT;
        }
        TRIGGERS['='] = SEPARATOR;
        TRIGGERS[':'] = SEPARATOR;
        TRIGGERS['>'] = SEPARATOR;
        TRIGGERS['@'] = AT;
        TRIGGERS['+'] = PLUS_OR_PAREN;
        TRIGGERS['('] = PLUS_OR_PAREN;
        TRIGGERS['-'] = DASH;
    }

    /** A builder with every detector on and the label style. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The line with every finding replaced, or the same instance if there was none.
     *
     * @throws NullPointerException if {@code line} is null
     */
    public String redact(String line) {
        Scan s = new Scan(line, replacement);
        int n = s.length;
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int trigger = c < 128 ? TRIGGERS[c] : NONE;
            if (trigger == NONE) {
                i++;
                continue;
            }
            int next = switch (trigger) {
                // inside a word, id or hex string nothing starts: skip to its end at once
                case LETTER -> s.startsToken(i) ? atWord(s, i) : s.wordEnd(i);
                case DIGIT -> s.startsToken(i) ? atNumber(s, i) : s.wordEnd(i);
                case SEPARATOR -> on(Kind.SECRET) || on(Kind.AUTH) ? secretKeys.atSeparator(s, i) : -1;
                case AT -> on(Kind.EMAIL) ? Emails.at(s, i) : -1;
                case PLUS_OR_PAREN -> on(Kind.PHONE) ? phones.atPrefix(s, i) : -1;
                default -> on(Kind.PRIVATE_KEY) ? PemKeys.at(s, i) : -1; // DASH
            };
            i = next > i ? next : i + 1;
        }
        String result = s.result();
        for (CustomPattern pattern : patterns) {
            result = pattern.apply(result, replacement);
        }
        return result;
    }

    private boolean on(Kind kind) {
        return enabled[kind.ordinal()];
    }

    /** At a letter that starts a token: returns where the scan goes on. */
    private int atWord(Scan s, int start) {
        char c = s.text.charAt(start);
        int found = -1;
        if (c == 'e' && on(Kind.JWT)) {
            found = Jwts.at(s, start);
        }
        if (found < 0 && TOKEN_STARTS[c] && on(Kind.TOKEN)) {
            found = KnownTokens.at(s, start);
        }
        if (found < 0 && Scan.isUpper(c) && on(Kind.IBAN)) {
            found = Ibans.at(s, start);
        }
        if (found < 0 && (c == 'B' || c == 'b') && on(Kind.AUTH)) {
            found = AuthSchemes.at(s, start, s.wordEnd(start));
        }
        return found >= 0 ? found : s.wordEnd(start);
    }

    private static final boolean[] TOKEN_STARTS = new boolean[128];

    static {
        for (char c : "Agxsrw".toCharArray()) {
            TOKEN_STARTS[c] = true;
        }
    }

    /** At a digit that starts a number: returns where the scan goes on. */
    private int atNumber(Scan s, int start) {
        int p = start;
        while (p < s.length && Scan.isDigit(s.text.charAt(p))) {
            p++;
        }
        // most numbers in a log are none of these: decide that from the first group alone
        int first = p - start;
        char after = s.at(p);
        boolean grouped = (after == ' ' || after == '-' || after == '.') && Scan.isDigit(s.at(p + 1));
        boolean card = on(Kind.CARD) && (first >= 12 && first <= 19 || grouped && first >= 4 && first <= 6);
        boolean ssn = on(Kind.SSN) && (grouped && first == 3 || first == 9);
        boolean phone = on(Kind.PHONE) && grouped && phones.mayStartNational(s.text.charAt(start), first);
        if (!card && !ssn && !phone) {
            return Scan.isWordChar(after) ? s.wordEnd(p) : p;
        }
        DigitGroups g = s.digitGroups();
        g.read(s, start);
        int end = -1;
        if (card && g.digits >= 12) {
            end = Cards.match(s, g);
            if (end >= 0) {
                s.redact(start, end, Kind.CARD);
            }
        }
        if (end < 0 && ssn && g.digits >= 9) {
            end = Ssns.match(s, g);
            if (end >= 0) {
                s.redact(start, end, Kind.SSN);
            }
        }
        if (end < 0 && phone && g.digits >= 7) {
            end = phones.national(s, g);
            if (end >= 0) {
                s.redact(start, end, Kind.PHONE);
            }
        }
        // past the whole token, so that digits inside ids, versions and UUIDs never start a number
        return end >= 0 ? end : s.wordEnd(start);
    }

    /**
     * Builds a {@link Redactor}. Every option can be given by name, as written in logback.xml
     * ({@code style=partial}), through {@link #option(String, String)}:
     *
     * <table>
     *   <caption>Options</caption>
     *   <tr><th>name</th><th>value</th><th>default</th></tr>
     *   <tr><td>{@code detectors}</td><td>detectors to run, separated by spaces or {@code |}:
     *       {@code jwt auth secret token private-key email card ssn phone iban}, or {@code all}</td><td>all</td></tr>
     *   <tr><td>{@code disable}</td><td>detectors to switch off, same names</td><td>none</td></tr>
     *   <tr><td>{@code style}</td><td>{@code label} ({@code [REDACTED:EMAIL]}), {@code partial}
     *       ({@code j***@example.com}, {@code ************1234}) or {@code hash} ({@code [EMAIL:3f2a9c]})</td><td>label</td></tr>
     *   <tr><td>{@code hashKeyEnv}</td><td>environment variable holding the key for {@code style=hash} (16 bytes or more)</td><td></td></tr>
     *   <tr><td>{@code hashKey}</td><td>the key itself (prefer {@code hashKeyEnv}, or a {@code ${...}} substitution)</td><td></td></tr>
     *   <tr><td>{@code keys}</td><td>more secret key names, added to password, secret, token, api_key and the rest</td><td></td></tr>
     *   <tr><td>{@code pattern}</td><td>{@code LABEL:regex}, repeatable: a custom pattern</td><td></td></tr>
     *   <tr><td>{@code phoneRegion}</td><td>region (ISO 3166 code) of national phone numbers</td><td>US</td></tr>
     * </table>
     *
     * <p>Every problem is reported by {@link #build()} or {@link #option} as a
     * {@link RedactionConfigException} naming the option; nothing falls back to "redact nothing".
     * Not thread-safe; the built redactor is.
     */
    public static final class Builder {

        private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

        private final Set<Kind> enabled = EnumSet.allOf(Kind.class);
        private final Set<String> extraKeys = new LinkedHashSet<>();
        private final List<CustomPattern> patterns = new ArrayList<>();
        private String style = "label";
        private String hashKey;
        private String hashKeyEnv;
        private String phoneRegion = "US";
        private UnaryOperator<String> environment = System::getenv;

        private Builder() {
        }

        /** Applies one option by its logback.xml name; see the table above. */
        public Builder option(String name, String value) {
            String v = value == null ? "" : value.strip();
            switch (name.strip()) {
                case "detectors" -> {
                    enabled.clear();
                    enabled.addAll(kinds(name, v));
                }
                case "disable" -> enabled.removeAll(kinds(name, v));
                case "style" -> {
                    if (!List.of("label", "partial", "hash").contains(v)) {
                        throw new RedactionConfigException(name, "'" + v + "' is not one of label, partial, hash");
                    }
                    style = v;
                }
                case "hashKey" -> hashKey = v;
                case "hashKeyEnv" -> hashKeyEnv = v;
                case "keys" -> {
                    for (String key : words(v)) {
                        if (SecretKeys.normalize(key).isEmpty()) {
                            throw new RedactionConfigException(name, "key name '" + key + "' has no letter or digit");
                        }
                        extraKeys.add(key);
                    }
                }
                case "pattern" -> patterns.add(customPattern(name, v));
                case "phoneRegion" -> {
                    String region = v.toUpperCase(Locale.ROOT);
                    if (!Phones.isSupportedRegion(region)) {
                        throw new RedactionConfigException(name, "'" + v + "' is not a region code libphonenumber knows");
                    }
                    phoneRegion = region;
                }
                default -> throw new RedactionConfigException(name, "unknown option; known: detectors, disable, style, "
                        + "hashKey, hashKeyEnv, keys, pattern, phoneRegion");
            }
            return this;
        }

        /**
         * Applies {@code name=value}, the form options take inside {@code %redact(...){...}}.
         * A bare {@code name} with no {@code =} is an error.
         */
        public Builder option(String nameEqualsValue) {
            int eq = nameEqualsValue.indexOf('=');
            if (eq <= 0) {
                // not echoed: a bare value may be the hash key itself
                throw new RedactionConfigException("(no name)", "an option without '=': expected name=value");
            }
            return option(nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1));
        }

        /** Where {@code hashKeyEnv} is looked up; {@link System#getenv(String)} unless set. */
        public Builder environment(UnaryOperator<String> environment) {
            this.environment = environment;
            return this;
        }

        public Redactor build() {
            if (enabled.isEmpty() && patterns.isEmpty()) {
                throw new RedactionConfigException("detectors", "no detector is on and no pattern is given: nothing would be redacted");
            }
            return new Redactor(this);
        }

        private Replacement replacement() {
            switch (style) {
                case "partial":
                    return PartialReplacement.INSTANCE;
                case "hash":
                    return new KeyedHashReplacement(key());
                default:
                    return LabelReplacement.INSTANCE;
            }
        }

        private byte[] key() {
            if (hashKey != null && hashKeyEnv != null) {
                throw new RedactionConfigException("hashKey", "give hashKey or hashKeyEnv, not both");
            }
            String key = hashKey;
            if (hashKeyEnv != null) {
                key = environment.apply(hashKeyEnv);
                if (key == null || key.isEmpty()) {
                    throw new RedactionConfigException("hashKeyEnv", "environment variable " + hashKeyEnv + " is not set");
                }
            }
            if (key == null || key.isEmpty()) {
                throw new RedactionConfigException("style", "style 'hash' needs hashKeyEnv or hashKey");
            }
            return key.getBytes(StandardCharsets.UTF_8);
        }

        private static Set<Kind> kinds(String option, String value) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (String word : words(value)) {
                if (word.equals("all")) {
                    kinds.addAll(EnumSet.allOf(Kind.class));
                    continue;
                }
                Kind kind = null;
                for (Kind k : Kind.values()) {
                    if (k.optionName().equals(word.toLowerCase(Locale.ROOT))) {
                        kind = k;
                    }
                }
                if (kind == null) {
                    throw new RedactionConfigException(option, "unknown detector '" + word
                            + "'; known: jwt auth secret token private-key email card ssn phone iban, or all");
                }
                kinds.add(kind);
            }
            return kinds;
        }

        private static List<String> words(String value) {
            List<String> words = new ArrayList<>();
            for (String w : value.split("[\\s|]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            return words;
        }

        private static CustomPattern customPattern(String option, String value) {
            int colon = value.indexOf(':');
            String label = colon < 0 ? "" : value.substring(0, colon);
            if (!LABEL.matcher(label).matches()) {
                throw new RedactionConfigException(option, "expected LABEL:regex with an upper-case LABEL such as ORDER_REF");
            }
            try {
                Pattern regex = Pattern.compile(value.substring(colon + 1));
                if (regex.matcher("").matches()) {
                    throw new RedactionConfigException(option, "pattern " + label + " matches the empty string");
                }
                return new CustomPattern(label, regex);
            } catch (PatternSyntaxException e) {
                throw new RedactionConfigException(option, "pattern " + label + " is not a valid regex: " + e.getDescription());
            }
        }
    }
}
