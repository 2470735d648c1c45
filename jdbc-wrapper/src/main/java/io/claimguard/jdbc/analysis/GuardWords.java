package io.claimguard.jdbc.analysis;

import java.util.Arrays;

/**
 * The words without which none of {@link SqlAnalyzer}'s guard patterns can match (CALL, the
 * statements and functions that read data they do not name, the statistics catalogs, DDL that
 * redefines views and routines), found in one allocation-free pass over the text. Most
 * application SQL has none, and then the patterns, which cost far more per character than this
 * scan, are not run at all.
 */
final class GuardWords {
    /** Candidates by lower-case first letter; a trailing {@code *} marks a prefix. */
    private static final String[][] BY_FIRST_LETTER = new String[128][];

    static {
        String[] words = {"call", "copy", "create", "csvwrite", "csvread", "column_stats", "cursor_to_xml*",
            "script", "show", "schema_to_xml*", "backup", "do", "drop", "dblink*", "database_to_xml*", "execute",
            "prepare", "procedure", "pg_read_file", "pg_read_binary_file", "pg_stats*", "pg_statistic*", "get",
            "ts_stat", "table_to_xml*", "lo_import", "lo_get", "query_to_xml*", "alter", "rename", "truncate"};
        for (String word : words) {
            int first = word.charAt(0);
            String[] known = BY_FIRST_LETTER[first];
            String[] grown = known == null ? new String[1] : Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = word;
            BY_FIRST_LETTER[first] = grown;
        }
    }

    private GuardWords() {
    }

    /**
     * Whether {@code sql} holds a guard word (in any case, quoted or not) or {@code &"}, which
     * starts a PostgreSQL Unicode-escaped identifier.
     */
    static boolean anyIn(String sql) {
        if (sql.indexOf("&\"") >= 0) {
            return true;
        }
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isWordChar(sql.charAt(i))) {
                i++;
            }
            if (isGuardWord(sql, start, i - start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGuardWord(String sql, int start, int length) {
        char first = Character.toLowerCase(sql.charAt(start));
        String[] candidates = first < 128 ? BY_FIRST_LETTER[first] : null;
        if (candidates == null) {
            return false;
        }
        for (String candidate : candidates) {
            boolean prefix = candidate.endsWith("*");
            int size = prefix ? candidate.length() - 1 : candidate.length();
            if ((prefix ? length >= size : length == size) && sql.regionMatches(true, start, candidate, 0, size)) {
                return true;
            }
        }
        return false;
    }

    /**
     * ASCII letters, digits and {@code _} only: words split at every other character, more often
     * than the patterns' {@code \b} and {@code \w} do, so a word the patterns could see is never
     * hidden inside a longer one here.
     */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
