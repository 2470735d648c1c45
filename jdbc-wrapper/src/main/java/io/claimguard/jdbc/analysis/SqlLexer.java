package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQL text into tokens the way a database's own lexer does: where string literals, quoted
 * identifiers and comments begin and end, and so where a semicolon ends a statement.
 *
 * <p>Some of these rules depend on server settings that a driver cannot see (MariaDB's
 * {@code NO_BACKSLASH_ESCAPES} and {@code ANSI_QUOTES}, PostgreSQL's
 * {@code standard_conforming_strings}, H2's compatibility modes), so each dialect has several
 * {@linkplain #variants variants}. A reader that must agree with the database reads the text
 * under every variant and trusts only what all of them agree on.
 */
final class SqlLexer {
    enum Kind {
        /** An unquoted word: a keyword, a name or a number. */
        WORD,
        /** A quoted identifier; its {@link Token#text} has the quotes taken off. */
        QUOTED,
        STRING,
        SEMICOLON,
        /** Any other character, one at a time. */
        SYMBOL
    }

    /**
     * One token: {@code start} and {@code end} in the text; {@code text} is the word itself for
     * {@link Kind#WORD} and {@link Kind#SYMBOL}, the unquoted name for {@link Kind#QUOTED}, and
     * empty for strings (their content is never a name).
     */
    record Token(Kind kind, int start, int end, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        /** A name as a statement can write it: an unquoted word or a quoted identifier. */
        boolean isName() {
            return kind == Kind.QUOTED || (kind == Kind.WORD && !Character.isDigit(text.charAt(0)));
        }
    }

    /** How {@code $} quotes text. */
    enum Dollar { NONE, PLAIN, TAGGED }

    /**
     * One reading of the lexical rules.
     *
     * @param backslashEscapes  a backslash escapes the next character in {@code '...'} (and in {@code "..."} strings)
     * @param escapeStrings     {@code E'...'} strings take backslash escapes whatever the setting
     * @param doubleQuotedStrings {@code "..."} is a string, not an identifier
     * @param backticks         {@code `...`} quotes an identifier
     * @param brackets          {@code [...]} quotes an identifier
     * @param hashComments      {@code #} starts a comment to the end of the line
     * @param dashNeedsSpace    {@code --} starts a comment only before a space or control character
     * @param slashComments     {@code //} starts a comment to the end of the line
     * @param nestedComments    {@code /* ... *}{@code /} comments nest
     * @param executableComments {@code /*!} and {@code /*M!} hold code, not a comment
     * @param carriageReturnEndsLine a lone carriage return ends a line comment (MariaDB's run to the line feed)
     * @param semicolonsInParentheses a semicolon inside parentheses ends a statement too
     */
    record Rules(boolean backslashEscapes, boolean escapeStrings, boolean doubleQuotedStrings, boolean backticks,
                 boolean brackets, boolean hashComments, boolean dashNeedsSpace, boolean slashComments,
                 boolean nestedComments, boolean executableComments, Dollar dollar, boolean carriageReturnEndsLine,
                 boolean semicolonsInParentheses) {
    }

    private static final List<Rules> H2;

    static {
        List<Rules> h2 = new ArrayList<>();
        for (boolean brackets : new boolean[] {false, true}) {   // MODE=MSSQLServer quotes identifiers in brackets
            for (boolean carriageReturn : new boolean[] {true, false}) {
                h2.add(new Rules(false, false, false, true, brackets, false, false, true, true, false, Dollar.PLAIN,
                        carriageReturn, true));
            }
        }
        H2 = List.copyOf(h2);
    }

    private static final List<Rules> POSTGRESQL;

    static {
        List<Rules> postgresql = new ArrayList<>();
        for (boolean backslash : new boolean[] {false, true}) {       // standard_conforming_strings = off
            for (boolean inParentheses : new boolean[] {true, false}) {   // the server's reading, and pgjdbc's
                postgresql.add(new Rules(backslash, true, false, false, false, false, false, false, true, false,
                        Dollar.TAGGED, true, inParentheses));
            }
        }
        POSTGRESQL = List.copyOf(postgresql);
    }
    private static final List<Rules> MARIADB;

    static {
        List<Rules> mariadb = new ArrayList<>();
        for (boolean backslash : new boolean[] {true, false}) {             // NO_BACKSLASH_ESCAPES
            for (boolean doubleQuotedStrings : new boolean[] {true, false}) {   // ANSI_QUOTES
                for (boolean executable : new boolean[] {true, false}) {      // /*!50700 ... */ runs only on new enough servers
                    mariadb.add(new Rules(backslash, false, doubleQuotedStrings, true, false, true, true, false, false,
                            executable, Dollar.NONE, false, true));
                }
            }
        }
        MARIADB = List.copyOf(mariadb);
    }

    private static final List<Rules> HSQLDB;

    static {
        List<Rules> hsqldb = new ArrayList<>();
        for (boolean backticks : new boolean[] {false, true}) {   // sql.syntax_mys quotes identifiers in backticks
            for (boolean slashComments : new boolean[] {true, false}) {
                for (boolean nested : new boolean[] {false, true}) {
                    for (boolean carriageReturn : new boolean[] {true, false}) {
                        hsqldb.add(new Rules(false, false, false, backticks, false, false, false, slashComments, nested,
                                false, Dollar.NONE, carriageReturn, true));
                    }
                }
            }
        }
        HSQLDB = List.copyOf(hsqldb);
    }

    private static final List<Rules> GENERIC;

    static {
        List<Rules> generic = new ArrayList<>(H2);
        generic.addAll(HSQLDB);
        generic.addAll(POSTGRESQL);
        generic.addAll(MARIADB);
        GENERIC = List.copyOf(generic);
    }

    private SqlLexer() {
    }

    /** Every reading of the dialect's rules; the first is the database's default. */
    static List<Rules> variants(Dialect dialect) {
        switch (dialect) {
            case H2: return H2;
            case HSQLDB: return HSQLDB;
            case POSTGRESQL: return POSTGRESQL;
            case MARIADB: return MARIADB;
            default: return GENERIC;
        }
    }

    /** The tokens of {@code sql}, comments left out; null when a literal, identifier or comment is never closed. */
    static List<Token> tokens(String sql, Rules rules) {
        return new Reader(sql, rules).read();
    }

    private static final class Reader {
        private final String sql;
        private final Rules rules;
        private final int length;
        private final List<Token> tokens = new ArrayList<>();
        private int i;
        /** Inside MariaDB's {@code /*!...}: its closing {@code *}{@code /} is no token. */
        private boolean inExecutableComment;
        /** A dollar quote that never closes. */
        private boolean dollarOpen;

        Reader(String sql, Rules rules) {
            this.sql = sql;
            this.rules = rules;
            this.length = sql.length();
        }

        List<Token> read() {
            while (i < length) {
                char c = sql.charAt(i);
                char next = i + 1 < length ? sql.charAt(i + 1) : 0;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (inExecutableComment && c == '*' && next == '/') {
                    inExecutableComment = false;
                    i += 2;
                } else if (c == '-' && next == '-' && (!rules.dashNeedsSpace() || i + 2 >= length
                        || sql.charAt(i + 2) <= ' ')) {
                    skipLine();
                } else if ((c == '#' && rules.hashComments()) || (c == '/' && next == '/' && rules.slashComments())) {
                    skipLine();
                } else if (c == '/' && next == '*') {
                    if (!blockComment()) {
                        return null;
                    }
                } else if (c == '\'') {
                    if (!quoted(Kind.STRING, '\'', rules.backslashEscapes() || escapeString())) {
                        return null;
                    }
                } else if (c == '"') {
                    boolean string = rules.doubleQuotedStrings();
                    if (!quoted(string ? Kind.STRING : Kind.QUOTED, '"', string && rules.backslashEscapes())) {
                        return null;
                    }
                } else if (c == '`' && rules.backticks()) {
                    if (!quoted(Kind.QUOTED, '`', false)) {
                        return null;
                    }
                } else if (c == '[' && rules.brackets()) {
                    if (!quoted(Kind.QUOTED, ']', false)) {
                        return null;
                    }
                } else if (c == '$' && rules.dollar() != Dollar.NONE && dollarQuote()) {
                    continue;
                } else if (c == ';') {
                    tokens.add(new Token(Kind.SEMICOLON, i, i + 1, ";"));
                    i++;
                } else if (isWordChar(c)) {
                    int start = i;
                    while (i < length && isWordChar(sql.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(Kind.WORD, start, i, sql.substring(start, i)));
                } else {
                    tokens.add(new Token(Kind.SYMBOL, i, i + 1, String.valueOf(c)));
                    i++;
                }
            }
            return inExecutableComment || dollarOpen ? null : tokens;
        }

        private void skipLine() {
            while (i < length && sql.charAt(i) != '\n' && (sql.charAt(i) != '\r' || !rules.carriageReturnEndsLine())) {
                i++;
            }
        }

        /** A comment, or MariaDB's executable comment whose content is read as code. */
        private boolean blockComment() {
            if (rules.executableComments() && i + 2 < length
                    && (sql.charAt(i + 2) == '!' || sql.startsWith("M!", i + 2))) {
                i += sql.charAt(i + 2) == '!' ? 3 : 4;
                while (i < length && Character.isDigit(sql.charAt(i))) {
                    i++;   // the version it needs
                }
                inExecutableComment = true;
                return true;
            }
            int depth = 1;
            i += 2;
            while (i < length) {
                if (sql.startsWith("*/", i)) {
                    i += 2;
                    if (--depth == 0 || !rules.nestedComments()) {
                        return true;
                    }
                } else if (rules.nestedComments() && sql.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else {
                    i++;
                }
            }
            return false;
        }

        /** Whether the quote at {@code i} opens PostgreSQL's {@code E'...'}: the E stands right before it, alone. */
        private boolean escapeString() {
            if (!rules.escapeStrings() || tokens.isEmpty()) {
                return false;
            }
            Token last = tokens.get(tokens.size() - 1);
            return last.end() == i && last.kind() == Kind.WORD && last.text().equalsIgnoreCase("e");
        }

        /** Reads a quoted token up to {@code close}, doubled to escape it; false if it never closes. */
        private boolean quoted(Kind kind, char close, boolean backslash) {
            int start = i;
            i++;
            StringBuilder text = kind == Kind.QUOTED ? new StringBuilder() : null;
            while (i < length) {
                char c = sql.charAt(i);
                if (backslash && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == close) {
                    if (i + 1 < length && sql.charAt(i + 1) == close && close != ']') {
                        if (text != null) {
                            text.append(c);
                        }
                        i += 2;
                        continue;
                    }
                    i++;
                    tokens.add(new Token(kind, start, i, text == null ? "" : text.toString()));
                    return true;
                }
                if (text != null) {
                    text.append(c);
                }
                i++;
            }
            return false;
        }

        /**
         * A dollar-quoted string ({@code $$...$$}, or PostgreSQL's {@code $tag$...$tag$}); false,
         * leaving {@code i} alone, when the {@code $} starts none (a parameter such as {@code $1}).
         */
        private boolean dollarQuote() {
            int tagEnd = i + 1;
            if (rules.dollar() == Dollar.TAGGED) {
                while (tagEnd < length && isTagChar(sql.charAt(tagEnd), tagEnd == i + 1)) {
                    tagEnd++;
                }
            }
            if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
                return false;
            }
            String delimiter = sql.substring(i, tagEnd + 1);
            int close = sql.indexOf(delimiter, tagEnd + 1);
            int start = i;
            if (close < 0) {
                dollarOpen = true;
                i = length;
                return true;
            }
            i = close + delimiter.length();
            tokens.add(new Token(Kind.STRING, start, i, ""));
            return true;
        }

        private static boolean isTagChar(char c, boolean first) {
            return c == '_' || Character.isLetter(c) || (!first && Character.isDigit(c));
        }
    }

    /** Letters, digits, {@code _} and {@code $} (PostgreSQL and MariaDB allow it inside names). */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
