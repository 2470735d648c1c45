package io.claimguard.logging.redaction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values whose key names a secret, in every shape logs carry them: {@code password=x},
 * {@code password: x}, {@code "password":"x"}, {@code 'password' => 'x'}, {@code ?password=x&},
 * escaped JSON inside a string ({@code \"password\":\"x\"}) and XML elements
 * ({@code <password>x</password>}).
 *
 * <p>A key matches when its letters and digits, in lower case, end with a configured name:
 * {@code client_secret}, {@code db.password}, {@code X-Api-Key} and {@code accessToken} all match
 * (names {@code secret}, {@code password}, {@code apikey}, {@code token}). The scan only compares
 * names for a word that is followed by a key separator, which few words in a line are.
 *
 * <p>Keys ending in {@code authorization} keep their scheme word: {@code Authorization: Digest
 * [REDACTED:CREDENTIAL]}.
 */
final class SecretKeys {

    static final List<String> DEFAULT_NAMES = List.of(
            "password", "passwd", "pwd", "passphrase", "secret", "secretkey", "token", "apikey", "accesskey",
            "privatekey", "credential", "credentials", "sessionid", "signature", "cvv", "cvc");

    /**
     * The names, and {@code authorization}, as one automaton read backwards from the end of a
     * word: {@code next[node * SYMBOLS + symbol]} is the child node (0: none), {@code accepts[node]} whether a
     * name ({@link #NAME}) or {@code authorization} ({@link #AUTHORIZATION_KEY}) ends there. One
     * walk over the word's last characters decides, however many names there are.
     */
    private final int[] next;
    private final byte[] accepts;
    /**
     * The characters a separator can follow when a key it ends may be a name: a last letter or
     * digit of some name, or what may stand between a key and its separator. Any other character
     * dismisses the separator without a call.
     */
    private final boolean[] mayEndKey = new boolean[128];
    private static final byte NAME = 1;
    private static final byte AUTHORIZATION_KEY = 2;

    SecretKeys(Set<String> extraNames) {
        Set<String> all = new LinkedHashSet<>(DEFAULT_NAMES);
        for (String extra : extraNames) {
            all.add(normalize(extra));
        }
        List<int[]> nodes = new ArrayList<>();
        List<Byte> accepting = new ArrayList<>();
        nodes.add(new int[SYMBOLS]);
        accepting.add((byte) 0);
        for (String name : all) {
            int node = add(nodes, accepting, name);
            accepting.set(node, (byte) (accepting.get(node) | NAME));
        }
        int authorization = add(nodes, accepting, "authorization");
        accepting.set(authorization, (byte) (accepting.get(authorization) | AUTHORIZATION_KEY));
        this.next = new int[nodes.size() * SYMBOLS];
        for (int node = 0; node < nodes.size(); node++) {
            System.arraycopy(nodes.get(node), 0, next, node * SYMBOLS, SYMBOLS);
        }
        this.accepts = new byte[accepting.size()];
        for (int k = 0; k < accepts.length; k++) {
            accepts[k] = accepting.get(k);
        }
        for (char c = 0; c < 128; c++) {
            int symbol = symbol(c);
            mayEndKey[c] = symbol >= 0 ? next[symbol] != 0 : Scan.isWordChar(c) || " \"'\\".indexOf(c) >= 0;
        }
    }

    /** Whether a key may end right before the separator at {@code sep}: false for most separators in a line. */
    boolean mayFollowKey(char[] text, int sep) {
        char before = sep > 0 ? text[sep - 1] : 0;
        return before < 128 && mayEndKey[before];
    }

    /** Adds the path of {@code name}, read backwards; returns its last node. */
    private static int add(List<int[]> nodes, List<Byte> accepting, String name) {
        int node = 0;
        for (int k = name.length() - 1; k >= 0; k--) {
            int symbol = symbol(name.charAt(k));
            if (nodes.get(node)[symbol] == 0) {
                nodes.add(new int[SYMBOLS]);
                accepting.add((byte) 0);
                nodes.get(node)[symbol] = nodes.size() - 1;
            }
            node = nodes.get(node)[symbol];
        }
        return node;
    }

    private static final int SYMBOLS = 36;

    /** By ASCII character: 0-25 for letters in either case, 26-35 for digits, -1 for anything else. */
    private static final byte[] SYMBOL = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            SYMBOL[c] = (byte) (c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? c - 'A' : c >= '0' && c <= '9' ? 26 + c - '0' : -1);
        }
    }

    private static int symbol(char c) {
        return c < 128 ? SYMBOL[c] : -1;
    }

    /** The key name as matched: lower-case letters and digits only. */
    static String normalize(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Scan.isAlnum(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** At the word {@code text[start, end)}: the end of the redacted value, or -1. */
    int at(Scan s, int start, int end) {
        if (s.at(start - 1) == '[' && Scan.isUpper(s.at(start))) {
            return -1; // our own [SECRET:3f2a9c]: redacting twice changes nothing
        }
        int valueStart = separatorEnd(s, start, end);
        if (valueStart < 0) {
            return -1;
        }
        boolean colon = s.at(valueStart - 1) == ':';
        boolean authorization = endsWithName(s, start, end, AUTHORIZATION_KEY);
        if (!authorization && !endsWithName(s, start, end, NAME)) {
            return -1;
        }
        // "password= user=jane" has an empty password; "password = x" and "password: x" do not
        boolean spaced = s.at(valueStart - 1) != '=' || s.at(valueStart - 2) == ' ';
        while (spaced && valueStart < s.length && valueStart - end < 8 && s.text[valueStart] == ' ') {
            valueStart++;
        }
        int from = valueStart;
        int to;
        boolean unquoted = false;
        char open = s.at(valueStart);
        if (s.at(start - 1) == '<' && s.at(end) == '>') {
            to = indexOrLineEnd(s, "<", from);
        } else if (open == '"' || open == '\'') {
            from++;
            to = closingQuote(s, from, open);
        } else if (open == '\\' && s.at(valueStart + 1) == '"') {
            from += 2;
            to = indexOrLineEnd(s, "\\\"", from);
        } else {
            unquoted = true;
            to = from;
            while (to < s.length && !endsUnquotedValue(s.text[to])) {
                to++;
            }
        }
        if (unquoted && colon && isProse(s, from, to)) {
            return -1; // "Invalid token: signature mismatch" is a sentence, not a key and its value
        }
        if (authorization) {
            // "Authorization: Bearer x" unquoted: the value runs past the space after the scheme word
            from = afterSchemeWord(s, from, unquoted ? s.length : to);
            if (unquoted) {
                to = Math.max(from, AuthSchemes.credentialEnd(s, from));
            }
        }
        if (to <= from || alreadyRedacted(s, from, to)) {
            return -1;
        }
        s.redact(from, to, authorization ? Kind.AUTH : Kind.SECRET);
        return to;
    }

    /** The longest key name read backwards from a separator; longer runs are matched on their end. */
    private static final int MAX_KEY = 64;

    /**
     * At {@code =}, {@code :} or {@code >}: finds the key before it (through a closing quote and a
     * few spaces) and redacts the value after it. Returns the end of the value, or -1.
     */
    int atSeparator(Scan s, int sep) {
        char c = s.text[sep];
        char before = s.at(sep - 1);
        if (c == '=' && (before == '=' || before == '!' || before == '<' || before == '>' || s.at(sep + 1) == '=')
                || c == ':' && (before == ':' || s.at(sep + 1) == ':')) {
            return -1; // comparisons and scope operators
        }
        int end = sep;
        if (c != '>') {
            while (end > 0 && sep - end < 4 && s.text[end - 1] == ' ') {
                end--;
            }
            char quote = s.at(end - 1);
            if (quote == '"' || quote == '\'') {
                end--;
                if (s.at(end - 1) == '\\') {
                    end--;
                }
            }
        }
        int floor = Math.max(0, end - MAX_KEY);
        if (!endsWithName(s, floor, end, NAME | AUTHORIZATION_KEY)) {
            return -1; // most keys in a line: decided from their last two or three letters
        }
        int start = end;
        while (start > floor && Scan.isWordChar(s.text[start - 1])) {
            start--;
        }
        while (start < end && !Scan.isLetter(s.text[start])) {
            start++; // a key starts with a letter: "_token" is read as "token"
        }
        if (start == end || c == '>' && s.at(start - 1) != '<') {
            return -1;
        }
        return at(s, start, end);
    }

    /** After the key: a closing quote, then '=', ':', '=>' or '>' (XML). Returns where the value starts, or -1. */
    private static int separatorEnd(Scan s, int start, int end) {
        int p = end;
        char c = s.at(p);
        if (c == '>' && s.at(start - 1) == '<') {
            return p + 1;
        }
        if (c == '"' || c == '\'') {
            p++;
        } else if (c == '\\' && s.at(p + 1) == '"') {
            p += 2;
        }
        while (s.at(p) == ' ' && p - end < 4) {
            p++;
        }
        c = s.at(p);
        if (c == '=') {
            char next = s.at(p + 1);
            return next == '=' ? -1 : next == '>' ? p + 2 : p + 1;
        }
        if (c == ':') {
            return s.at(p + 1) == ':' ? -1 : p + 1;
        }
        return -1;
    }

    /**
     * Whether the word before {@code end}, read back no further than {@code floor}, ends with a
     * name ({@code wanted} {@link #NAME}), {@code authorization} ({@link #AUTHORIZATION_KEY}) or
     * either. Only letters and digits count, in either case: {@code client_secret},
     * {@code X-Api-Key}.
     */
    private boolean endsWithName(Scan s, int floor, int end, int wanted) {
        int node = 0;
        for (int p = end - 1; p >= floor; p--) {
            char c = s.text[p];
            int symbol = symbol(c);
            if (symbol < 0) {
                if (Scan.isWordChar(c)) {
                    continue;
                }
                return false;
            }
            node = next[node * SYMBOLS + symbol];
            if (node == 0) {
                return false;
            }
            if ((accepts[node] & wanted) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int closingQuote(Scan s, int from, char quote) {
        for (int p = from; p < s.length; p++) {
            char c = s.text[p];
            if (c == '\\') {
                p++;
            } else if (c == quote || c == '\n') {
                return p;
            }
        }
        return s.length;
    }

    /** The next {@code close} on this line, or the end of the line: never looks past either. */
    private static int indexOrLineEnd(Scan s, String close, int from) {
        int found = s.indexOf(close, from);
        int limit = found < 0 ? s.length : found;
        for (int p = from; p < limit; p++) {
            if (s.text[p] == '\n') {
                return p;
            }
        }
        return limit;
    }

    private static boolean endsUnquotedValue(char c) {
        return c <= ' ' || c == '&' || c == ',' || c == ';' || c == ')' || c == '}' || c == ']' || c == '"'
                || c == '\'' || c == '<' || c == '>';
    }

    /** A lower-case word followed by another word: how prose goes on, and how secrets do not look. */
    private static boolean isProse(Scan s, int from, int to) {
        for (int p = from; p < to; p++) {
            char c = s.text[p];
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return s.at(to) == ' ' && Scan.isLetter(s.at(to + 1));
    }

    /** {@code Digest abc}: the credential starts after the scheme word and its spaces. */
    private static int afterSchemeWord(Scan s, int from, int to) {
        int p = from;
        while (p < to && (Scan.isAlnum(s.text[p]) || s.text[p] == '-')) {
            p++;
        }
        if (p < to && s.text[p] == ' ') {
            while (p < to && s.text[p] == ' ') {
                p++;
            }
            return p;
        }
        return from;
    }

    /** Empty-ish values and the output of an earlier redaction stay: {@code null}, {@code ****}, {@code [REDACTED:SECRET]}. */
    private static boolean alreadyRedacted(Scan s, int from, int to) {
        char first = s.text[from];
        if (first == '[' && to - from > 2 && Scan.isUpper(s.text[from + 1])) {
            return true;
        }
        if (to - from == 4 && s.startsWith(from, "null")) {
            return true;
        }
        if (first == '{' || first == '[') {
            return true; // a structure: the scan goes on inside it and finds its secret members
        }
        for (int p = from; p < to; p++) {
            if (s.text[p] != '*') {
                return false;
            }
        }
        return true;
    }
}
