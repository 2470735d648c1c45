package io.claimguard.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.claimguard.core.Subject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditIdentityTest {
    @Test
    void ofSubject_takesIssSubJti_only() {
        Subject subject = Subject.fromClaims(Map.of("iss", "https://id.example.com/", "sub", "alice", "jti", "t-1",
                "email", "alice@example.com", "scope", "pii.read"));
        AuditIdentity id = AuditIdentity.of(subject);
        assertEquals(new AuditIdentity("https://id.example.com/", "alice", "t-1"), id);
        assertEquals("AuditIdentity[issuer=https://id.example.com/, subject=alice, tokenId=t-1]", id.toString());
    }

    @Test
    void nonTextClaims_andNoSubject_areUnknown() {
        AuditIdentity id = AuditIdentity.of(Subject.fromClaims(Map.of("sub", "bob", "jti", 42)));
        assertNull(id.issuer());
        assertNull(id.tokenId());
        assertSame(AuditIdentity.NONE, AuditIdentity.of(null));
        assertSame(AuditIdentity.NONE, AuditIdentity.of(null, null, null));
    }

    @Test
    void eachKnown_namesThePartsAsEventsDo() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        AuditIdentity.of("https://id.example.com/", "bob", null).eachKnown(fields::put);
        assertEquals(Map.of("iss", "https://id.example.com/", "sub", "bob"), fields);
        AuditIdentity.NONE.eachKnown(fields::put);
        assertEquals(2, fields.size());
    }

    @Test
    void values_stayOneShortLine() {
        AuditIdentity id = AuditIdentity.of("iss\r\nforged=1", "a\u0085b\u2028c", "x".repeat(500));
        assertEquals("iss??forged=1", id.issuer());
        assertEquals("a?b?c", id.subject());
        assertEquals(AuditIdentity.MAX_LENGTH, id.tokenId().length());
    }
}
