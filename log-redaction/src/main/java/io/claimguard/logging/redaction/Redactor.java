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
 * threads: each call keeps its state in locals and in a scan buffer of its thread's own.
 *
 * <p>One pass over the line looks only at cheap triggers: a key separator ({@code =}, {@code :},
 * {@code >}), from which the key name before it is read backwards and dropped at its first
 * letter that ends no name; a token that starts with a capital or one of the letters
 * {@code e g x s r w b} and whose first two letters can start one (a JWT's {@code eyJ}, a
 * vendor token prefix, an IBAN country code, a scheme word); a digit starting a token whose
 * first digit group has a card's, an SSN's or a phone number's length; {@code @} (emails);
 * {@code +} and {@code (} (phone numbers); and {@code -----BEGIN} (PEM keys). Other characters
 * cost one table read, and the inside of a word, id or hex string is skipped whole. Validation
 * (Luhn, mod-97, SSN rules, the JWT header, the phone-number metadata) runs only around a
 * candidate, over a bounded span, and the scan resumes after it, so the time is linear in the
 * line's length whatever it holds. The line is read from a copy in a per-thread buffer; a line
 * with nothing to redact allocates nothing and comes back as the same String (or the same
 * buffer content, untouched).
 *
 * <p>Custom patterns, if any, run afterwards as one regex pass each.
 */
public final class Redactor {

    /** By {@link Kind#ordinal()}: an array read, where a Set would cost a call per trigger. */
    private final boolean[] enabled;
    private final Replacement replacement;
    private final SecretKeys secretKeys;
    private final Phones phones;
    /** An array: a for-each over a List would allocate an iterator per line. */
    private final CustomPattern[] patterns;

    private Redactor(Builder b) {
        this.enabled = new boolean[Kind.values().length];
        b.enabled.forEach(kind -> enabled[kind.ordinal()] = true);
        this.replacement = b.replacement();
        this.secretKeys = new SecretKeys(b.extraKeys);
        this.phones = new Phones(b.phoneRegion);
        this.patterns = b.patterns.toArray(CustomPattern[]::new);
    }

    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 3;
    private static final byte DASH = 4;
    private static final byte SEPARATOR = 5;
    private static final byte AT = 6;
    private static final byte PLUS_OR_PAREN = 7;
    /**
     * What each ASCII character is to the scan. {@code OTHER} (spaces, most punctuation) and
     * {@code WORD} (a word character that starts nothing) cost one array read; key names are found
     * from the separator after them, so ordinary words are never read as words at all.
     */
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = WORD;
        }
        CLASSES['_'] = WORD;
        CLASSES['.'] = WORD;
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = LETTER; // IBAN country codes, AKIA/AIza, Bearer/Basic
        }
        for (char c : "egxsrwb".toCharArray()) {
            CLASSES[c] = LETTER; // eyJ, vendor token prefixes, bearer/basic
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT;
        }
        CLASSES['-'] = DASH;
        CLASSES['='] = SEPARATOR;
        CLASSES[':'] = SEPARATOR;
        CLASSES['>'] = SEPARATOR;
        CLASSES['@'] = AT;
        CLASSES['+'] = PLUS_OR_PAREN;
        CLASSES['('] = PLUS_OR_PAREN;
    }

    /**
     * The first two letters of every token a letter can start, as a bit set indexed by
     * {@code first * 128 + second}: most words that start with a trigger letter are dismissed
     * here, without a call.
     */
    private static final long[] LETTER_PAIRS = new long[128 * 128 / 64];

    static {
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                pair(first, second); // IBANs; AKIA, ASIA, ABIA, ACCA, AIza
            }
        }
        for (String p : new String[] {"ey", "Ai", "gh", "gi", "xo", "sk", "rk", "wh"}) {
            pair(p.charAt(0), p.charAt(1)); // JWTs, vendor tokens
        }
        for (char first : "Bb".toCharArray()) {
            for (char second : "eEaA".toCharArray()) {
                pair(first, second); // Bearer, Basic
            }
        }
    }

    private static void pair(char first, char second) {
        int bit = first * 128 + second;
        LETTER_PAIRS[bit >>> 6] |= 1L << bit;
    }

    private static boolean mayStartToken(char first, char second) {
        int bit = first * 128 + second;
        return second < 128 && (LETTER_PAIRS[bit >>> 6] & 1L << bit) != 0;
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
        String result;
        try (Scan s = Scan.open(line, replacement)) {
            scan(s);
            StringBuilder out = s.finish();
            result = out == null ? line : out.toString();
        }
        return applyPatterns(result);
    }

    /**
     * Redacts {@code buffer} from {@code from} to its end, in place: for a formatter that writes
     * a line into a buffer, which then needs no String of its own. The text before {@code from}
     * is left alone, and a region with nothing to redact is not written to. If this throws, the
     * region's content is undefined: the caller replaces it.
     */
    public void redact(StringBuilder buffer, int from) {
        try (Scan s = Scan.open(buffer, from, replacement)) {
            scan(s);
            s.finish();
        }
        if (patterns.length > 0) {
            String region = buffer.substring(from);
            String result = applyPatterns(region);
            if (result != region) {
                buffer.setLength(from);
                buffer.append(result);
            }
        }
    }

    private void scan(Scan s) {
        char[] text = s.text;
        int n = s.length;
        int i = 0;
        while (i < n) {
            char c = text[i];
            int type = c < 128 ? CLASSES[c] : OTHER;
            if (type == OTHER) {
                i++;
                continue;
            }
            if (type <= DIGIT) {
                // inside a word, id or hex string nothing starts: skip to its end at once
                int next = -1;
                if (type != WORD && s.startsToken(i)) {
                    next = type == LETTER ? atLetter(s, i) : atNumber(s, i);
                }
                i = next > i ? next : skipWord(text, i + 1, n);
                continue;
            }
            int next = switch (type) {
                case DASH -> on(Kind.PRIVATE_KEY) ? PemKeys.at(s, i) : -1;
                case SEPARATOR -> secretKeys.mayFollowKey(text, i) && (on(Kind.SECRET) || on(Kind.AUTH))
                        ? secretKeys.atSeparator(s, i) : -1;
                case AT -> on(Kind.EMAIL) ? Emails.at(s, i) : -1;
                default -> on(Kind.PHONE) ? phones.atPrefix(s, i) : -1; // PLUS_OR_PAREN
            };
            i = next > i ? next : i + 1;
        }
    }

    /**
     * The end of the word from {@code i}, or the next two dashes in it: five dashes may start a
     * PEM key even inside a word ({@code \\n-----BEGIN}, an escaped line break).
     */
    private static int skipWord(char[] text, int i, int n) {
        while (i < n) {
            char c = text[i];
            if (c >= 128 || !Scan.WORD[c] || c == '-' && i + 1 < n && text[i + 1] == '-') {
                return i;
            }
            i++;
        }
        return i;
    }

    private String applyPatterns(String text) {
        String result = text;
        for (CustomPattern pattern : patterns) {
            result = pattern.apply(result, replacement);
        }
        return result;
    }

    private boolean on(Kind kind) {
        return enabled[kind.ordinal()];
    }

    /** At a letter that starts a token: the end of what it redacted there, or -1. */
    private int atLetter(Scan s, int start) {
        char c = s.text[start];
        if (!mayStartToken(c, s.at(start + 1))) {
            return -1;
        }
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
        return found;
    }

    private static final boolean[] TOKEN_STARTS = new boolean[128];

    static {
        for (char c : "Agxsrw".toCharArray()) {
            TOKEN_STARTS[c] = true;
        }
    }

    /** At a digit that starts a number: the end of what it redacted there, or of the first digit group. */
    private int atNumber(Scan s, int start) {
        char[] text = s.text;
        int p = start + 1;
        while (p < s.length && Scan.isDigit(text[p])) {
            p++;
        }
        // most numbers in a log are none of these: decide that from the first group alone
        int first = p - start;
        char after = s.at(p);
        boolean grouped = (after == ' ' || after == '-' || after == '.') && Scan.isDigit(s.at(p + 1));
        boolean card = (first >= 12 && first <= 19 || grouped && first >= 4 && first <= 6) && on(Kind.CARD);
        boolean ssn = (grouped && first == 3 || first == 9) && on(Kind.SSN);
        boolean phone = grouped && on(Kind.PHONE) && phones.mayStartNational(text[start], first);
        if (!card && !ssn && !phone) {
            return p;
        }
        int end = number(s, start, card, ssn, phone);
        // digits inside the rest of the token (ids, versions, UUIDs) never start a number: the scan skips them
        return end >= 0 ? end : p;
    }

    /** At a number that may be a card, an SSN or a phone number: the end of the one it is, redacted, or -1. */
    private int number(Scan s, int start, boolean card, boolean ssn, boolean phone) {
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
        return end;
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
