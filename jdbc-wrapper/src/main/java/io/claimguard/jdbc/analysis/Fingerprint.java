package io.claimguard.jdbc.analysis;

/**
 * A statement's fingerprint for audit events: a 64-bit FNV-1a hash of its text with every value
 * taken out, so that one statement shape has one fingerprint whatever it was run with, and the
 * fingerprint never carries a value.
 *
 * <p>Before hashing, string literals (with {@code ''} and backslash escapes, PostgreSQL's
 * {@code $tag$...$tag$}), numbers, bind markers ({@code ?}, {@code $1}) all become {@code ?}, and a
 * run of them separated by commas ({@code IN (?, ?, ?)}) one {@code ?}; comments go; whitespace
 * runs become one space between words; unquoted words are lower-cased, quoted identifiers kept as
 * they are. One pass over the text, no allocation.
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    public static long of(String sql) {
        Scan scan = new Scan();   // scalar-replaced by the JIT: no allocation in compiled code
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                scan.space = true;
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                i = lineEnd(sql, i);
                scan.space = true;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
                scan.space = true;
            } else if (c == '\'') {
                i = quotedEnd(sql, i, '\'');
                scan.value();
            } else if (c == '"' || c == '`') {
                int end = quotedEnd(sql, i, c);
                for (int j = i; j < end; j++) {
                    scan.symbol(sql.charAt(j));
                }
                i = end;
            } else if (c == '?') {
                scan.value();
                i++;
            } else if (c == '$' && i + 1 < length && !scan.inWord()) {
                i = dollar(sql, i, scan);
            } else if (isDigit(c) || (c == '.' && i + 1 < length && isDigit(sql.charAt(i + 1)) && !scan.inWord())) {
                if (scan.inWord()) {
                    scan.word(c);   // a digit inside a name, such as t1
                    i++;
                } else {
                    i = numberEnd(sql, i);
                    scan.value();
                }
            } else if (isWordChar(c)) {
                scan.word(Character.toLowerCase(c));
                i++;
            } else {
                scan.symbol(c);
                i++;
            }
        }
        return scan.hash;
    }

    /** Sixteen lower-case hex digits. */
    public static String hex(long fingerprint) {
        String digits = Long.toHexString(fingerprint);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static int lineEnd(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end + 1;
    }

    /** Past the closing quote; a doubled quote or a backslash escape stays inside. */
    private static int quotedEnd(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote == '\'') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $1} is a bind marker, {@code $tag$...$tag$} a string; any other {@code $} a symbol. */
    private static int dollar(String sql, int at, Scan scan) {
        int i = at + 1;
        if (isDigit(sql.charAt(i))) {
            while (i < sql.length() && isDigit(sql.charAt(i))) {
                i++;
            }
            scan.value();
            return i;
        }
        while (i < sql.length() && isWordChar(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String tag = sql.substring(at, i + 1);   // only for dollar-quoted text, rare outside routine bodies
            int end = sql.indexOf(tag, i + 1);
            scan.value();
            return end < 0 ? sql.length() : end + tag.length();
        }
        scan.symbol('$');
        return at + 1;
    }

    private static int numberEnd(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > from && (sql.charAt(i - 1) | 0x20) == 'e'
                    && !(sql.charAt(from) == '0' && i > from + 1 && (sql.charAt(from + 1) | 0x20) == 'x');
            if (isWordChar(c) || c == '.' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** What has been hashed so far, and what the next character needs to know about it. */
    private static final class Scan {
        long hash = OFFSET;
        /** Whitespace (or a comment) since the last character hashed. */
        boolean space;
        /** 'w' after a word character, '?' after a value, ',' after a comma that follows a value, else 0. */
        char last;

        boolean inWord() {
            return last == 'w' && !space;
        }

        void word(char c) {
            if (last == 'w' && space) {
                add(' ');
            }
            flushComma();
            add(c);
            last = 'w';
            space = false;
        }

        void value() {
            if (last == ',') {
                last = '?';   // ?, ? is folded into ?
            } else if (last != '?') {
                add('?');
                last = '?';
            }
            space = false;
        }

        void symbol(char c) {
            if (c == ',' && last == '?') {
                last = ',';   // held back until it is known whether a value follows
            } else {
                flushComma();
                add(c);
                last = 0;
            }
            space = false;
        }

        private void flushComma() {
            if (last == ',') {
                add(',');
                last = 0;
            }
        }

        private void add(char c) {
            hash = (hash ^ c) * PRIME;
        }
    }
}
