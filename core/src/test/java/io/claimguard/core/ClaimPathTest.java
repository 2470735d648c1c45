package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

    @Test
    void split_singleStep() {
        assertArrayEquals(new String[] {"roles"}, ClaimPath.split("roles"));
    }

    @Test
    void split_dottedPath() {
        assertArrayEquals(new String[] {"realm_access", "roles"}, ClaimPath.split("realm_access.roles"));
        assertArrayEquals(new String[] {"a", "b-c", "d:e"}, ClaimPath.split("a.b-c.d:e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".a", "a.", "a..b", "a.b."})
    void split_emptyStep_rejectedNamingPath(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimPath.split(path));
        assertTrue(e.getMessage().contains("'" + path + "'"), e.getMessage());
    }
}
