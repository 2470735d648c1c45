package io.claimguard.jdbc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
    static List<List<String>> sameShape() {
        return List.of(
                List.of("SELECT ssn FROM c WHERE id = ?", "select   SSN\n from C where ID=42"),
                List.of("SELECT ssn FROM c WHERE name = 'O''Brien'", "SELECT ssn FROM c WHERE name = ?"),
                List.of("SELECT ssn FROM c WHERE name = 'a\\'b'", "SELECT ssn FROM c WHERE name = ?"),
                List.of("SELECT ssn FROM c WHERE id IN (1, 2, 3)", "SELECT ssn FROM c WHERE id IN (?)"),
                List.of("SELECT ssn FROM c WHERE id IN (?, ?, ?, ?)", "SELECT ssn FROM c WHERE id IN (7)"),
                List.of("SELECT ssn FROM c WHERE v = $1", "SELECT ssn FROM c WHERE v = -- a comment\n ?"),
                List.of("SELECT ssn FROM c WHERE v = $$it's$$", "SELECT ssn FROM c /* note: 123-45-6789 */ WHERE v = ?"),
                List.of("SELECT ssn FROM c WHERE v = $x$a$b$x$", "SELECT ssn FROM c WHERE v = ?"),
                List.of("SELECT ssn FROM c WHERE x > 1.5e-3", "SELECT ssn FROM c WHERE x > 0x1F"),
                List.of("SELECT t1.ssn FROM c t1 LIMIT 10", "SELECT T1.SSN FROM C T1 LIMIT 99"));
    }

    static List<List<String>> otherShape() {
        return List.of(
                List.of("SELECT ssn FROM c WHERE id = ?", "SELECT email FROM c WHERE id = ?"),
                List.of("SELECT ssn FROM c WHERE id = ?", "SELECT ssn FROM c WHERE id > ?"),
                List.of("SELECT \"Ssn\" FROM c", "SELECT \"ssn\" FROM c"),
                List.of("SELECT a, b FROM c", "SELECT ab FROM c"),
                List.of("SELECT ssn FROM t1", "SELECT ssn FROM t2"));
    }

    @ParameterizedTest
    @MethodSource("sameShape")
    void valuesCommentsLayoutAndCase_doNotChangeIt(List<String> pair) {
        assertEquals(Fingerprint.hex(Fingerprint.of(pair.get(0))), Fingerprint.hex(Fingerprint.of(pair.get(1))),
                pair.toString());
    }

    @ParameterizedTest
    @MethodSource("otherShape")
    void statementShape_changesIt(List<String> pair) {
        assertNotEquals(Fingerprint.of(pair.get(0)), Fingerprint.of(pair.get(1)), pair.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "''", "'unterminated", "$$", "$", "/* open", "--", "0x", "1e", "\"open"})
    void oddText_stillHashes(String sql) {
        assertTrue(Fingerprint.hex(Fingerprint.of(sql)).matches("[0-9a-f]{16}"));
    }
}
