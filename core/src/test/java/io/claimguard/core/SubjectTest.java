package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTest {

    private static Map<String, Object> claims(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    // ---- id ----

    @Test
    void fromClaims_idIsSub() {
        assertEquals("alice", Subject.fromClaims(Map.of("sub", "alice")).id());
    }

    @Test
    void fromClaims_missingSub_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subject.fromClaims(Map.of("scope", "a b")));
        assertTrue(e.getMessage().contains("sub"), e.getMessage());
    }

    @Test
    void fromClaims_nullSub_rejected() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", null);
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(claims));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n "})
    void fromClaims_emptyOrBlankSub_rejected(String sub) {
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", sub)));
    }

    @Test
    void fromClaims_nonStringSub_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", 42)));
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", true)));
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", List.of("alice"))));
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", new String[] {"alice"})));
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", Map.of("id", "alice"))));
    }

    @Test
    void fromClaims_rejectedSub_messageNamesNoValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Subject.fromClaims(Map.of("sub", 123456789, "email", "alice@example.com")));
        assertFalse(e.getMessage().contains("123456789"), e.getMessage());
        assertFalse(e.getMessage().contains("alice@example.com"), e.getMessage());
    }

    @Test
    void fromClaims_nullArguments_rejected() {
        assertThrows(NullPointerException.class, () -> Subject.fromClaims(null));
        assertThrows(NullPointerException.class, () -> Subject.fromClaims(null, "roles"));
        assertThrows(NullPointerException.class, () -> Subject.fromClaims(Map.of("sub", "alice"), null));
    }

    // ---- scopes ----

    @Test
    void scopes_fromSpaceSeparatedScopeString() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scope", "pii.read orders.read"));
        assertEquals(Set.of("pii.read", "orders.read"), s.scopes());
        assertTrue(s.hasScope("pii.read"));
        assertTrue(s.hasScope("orders.read"));
        assertFalse(s.hasScope("pii"));
        assertFalse(s.hasScope("pii.read orders.read"));
    }

    @Test
    void scopes_scopeStringToleratesExtraWhitespace() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scope", "  a \t b\n\nc  "));
        assertEquals(Set.of("a", "b", "c"), s.scopes());
        assertFalse(s.hasScope(""));
    }

    @Test
    void scopes_blankScopeString_noScopes() {
        assertEquals(Set.of(), Subject.fromClaims(Map.of("sub", "alice", "scope", "   ")).scopes());
        assertEquals(Set.of(), Subject.fromClaims(Map.of("sub", "alice", "scope", "")).scopes());
    }

    @Test
    void scopes_fromScpList() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scp", List.of("pii.read", "orders.read")));
        assertEquals(Set.of("pii.read", "orders.read"), s.scopes());
    }

    @Test
    void scopes_fromScpJavaArray() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scp", new String[] {"pii.read", "orders.read"}));
        assertEquals(Set.of("pii.read", "orders.read"), s.scopes());
    }

    @Test
    void scopes_fromScpString() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scp", "pii.read orders.read"));
        assertEquals(Set.of("pii.read", "orders.read"), s.scopes());
    }

    @Test
    void scopes_unionOfScopeAndScp() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scope", "a b", "scp", List.of("b", "c")));
        assertEquals(Set.of("a", "b", "c"), s.scopes());
    }

    @Test
    void scopes_nonStringArrayElementsIgnored() {
        List<Object> scp = new ArrayList<>();
        scp.add("a");
        scp.add(7);
        scp.add(null);
        scp.add(List.of("nested"));
        scp.add("");
        Subject s = Subject.fromClaims(claims("sub", "alice", "scp", scp));
        assertEquals(Set.of("a"), s.scopes());
    }

    @Test
    void scopes_nonTextClaim_noScopes() {
        assertEquals(Set.of(), Subject.fromClaims(Map.of("sub", "alice", "scope", 5)).scopes());
        assertEquals(Set.of(), Subject.fromClaims(Map.of("sub", "alice", "scp", Map.of("a", "b"))).scopes());
    }

    @Test
    void scopes_noClaim_empty() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice"));
        assertTrue(s.scopes().isEmpty());
        assertFalse(s.hasScope("anything"));
    }

    @Test
    void scopes_rolesAreNotScopes() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "roles", List.of("admin")));
        assertFalse(s.hasScope("admin"));
        assertTrue(s.hasRole("admin"));
    }

    @Test
    void hasScope_null_false() {
        assertFalse(Subject.fromClaims(Map.of("sub", "alice", "scope", "a")).hasScope(null));
        assertFalse(Subject.fromClaims(Map.of("sub", "alice", "roles", "a")).hasRole(null));
    }

    // ---- roles ----

    @Test
    void roles_fromRolesList() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "roles", List.of("support", "compliance")));
        assertEquals(Set.of("support", "compliance"), s.roles());
        assertTrue(s.hasRole("support"));
        assertTrue(s.hasRole("compliance"));
        assertFalse(s.hasRole("admin"));
    }

    @Test
    void roles_fromRolesJavaArray() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "roles", new String[] {"support"}));
        assertEquals(Set.of("support"), s.roles());
    }

    @Test
    void roles_fromRolesString() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "roles", "support  compliance"));
        assertEquals(Set.of("support", "compliance"), s.roles());
    }

    @Test
    void roles_noClaim_empty() {
        assertTrue(Subject.fromClaims(Map.of("sub", "alice")).roles().isEmpty());
    }

    @Test
    void roles_scopesAreNotRoles() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scope", "support"));
        assertFalse(s.hasRole("support"));
    }

    @Test
    void roles_fromCustomDottedClaim() {
        Map<String, Object> claims = Map.of(
                "sub", "alice",
                "roles", List.of("ignored"),
                "realm_access", Map.of("roles", List.of("support", "compliance")));
        Subject s = Subject.fromClaims(claims, "realm_access.roles");
        assertEquals(Set.of("support", "compliance"), s.roles());
        assertFalse(s.hasRole("ignored"), "the default roles claim is not read when another is configured");
    }

    @Test
    void roles_fromCustomDeeplyNestedClaim() {
        Map<String, Object> claims = Map.of(
                "sub", "alice",
                "resource_access", Map.of("orders-api", Map.of("roles", "reader writer")));
        Subject s = Subject.fromClaims(claims, "resource_access.orders-api.roles");
        assertEquals(Set.of("reader", "writer"), s.roles());
    }

    @Test
    void roles_fromCustomTopLevelClaim() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "groups", List.of("staff")), "groups");
        assertEquals(Set.of("staff"), s.roles());
    }

    @Test
    void roles_customClaimMissing_empty() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "roles", List.of("x")), "realm_access.roles");
        assertTrue(s.roles().isEmpty());
    }

    @Test
    void roles_customClaimThroughScalar_empty() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "realm_access", "admin"), "realm_access.roles");
        assertTrue(s.roles().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "realm_access.", ".roles", "realm_access..roles"})
    void fromClaims_customRolesClaimWithEmptyStep_rejected(String rolesClaim) {
        assertThrows(IllegalArgumentException.class, () -> Subject.fromClaims(Map.of("sub", "alice"), rolesClaim));
    }

    @Test
    void fromClaims_defaultRolesClaimIsRoles() {
        assertEquals("roles", Subject.DEFAULT_ROLES_CLAIM);
        Map<String, Object> claims = Map.of("sub", "alice", "roles", List.of("a"));
        assertEquals(Subject.fromClaims(claims, "roles"), Subject.fromClaims(claims));
    }

    // ---- claims ----

    @Test
    void claim_dottedPath_findsNestedValue() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "org", Map.of("id", "acme", "tier", 3)));
        assertEquals(Optional.of("acme"), s.claim("org.id"));
        assertEquals(Optional.of(3), s.claim("org.tier"));
        assertEquals(Optional.of("alice"), s.claim("sub"));
    }

    @Test
    void claim_missingOrThroughScalar_empty() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "org", Map.of("id", "acme")));
        assertEquals(Optional.empty(), s.claim("nope"));
        assertEquals(Optional.empty(), s.claim("org.nope"));
        assertEquals(Optional.empty(), s.claim("org.id.deeper"));
        assertEquals(Optional.empty(), s.claim("sub.x"));
    }

    @Test
    void claim_nullValue_empty() {
        Subject s = Subject.fromClaims(claims("sub", "alice", "nothing", null));
        assertEquals(Optional.empty(), s.claim("nothing"));
        assertTrue(s.claims().containsKey("nothing"));
    }

    @Test
    void claim_pathWithEmptyStep_rejected() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice"));
        assertThrows(IllegalArgumentException.class, () -> s.claim(""));
        assertThrows(IllegalArgumentException.class, () -> s.claim("a..b"));
        assertThrows(IllegalArgumentException.class, () -> s.claim("a."));
    }

    @Test
    void claims_javaArraysBecomeLists() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "ints", new int[] {1, 2}, "strs", new String[] {"x"}));
        assertEquals(List.of(1, 2), s.claims().get("ints"));
        assertEquals(List.of("x"), s.claims().get("strs"));
    }

    @Test
    void claims_mutatingSourceAfterwards_changesNothing() {
        List<Object> roles = new ArrayList<>(List.of("support"));
        List<Object> scp = new ArrayList<>(List.of("pii.read"));
        Map<String, Object> org = new HashMap<>(Map.of("id", "acme"));
        List<Object> groups = new ArrayList<>(List.of("g1"));
        org.put("groups", groups);
        String[] array = {"first"};
        Map<String, Object> source = claims(
                "sub", "alice", "scope", "a", "scp", scp, "roles", roles, "org", org, "array", array);

        Subject s = Subject.fromClaims(source);
        Map<String, Object> before = Map.copyOf(s.claims());
        String toStringBefore = s.toString();

        source.put("sub", "mallory");
        source.put("scope", "a admin");
        source.put("extra", "x");
        scp.add("pii.ssn");
        roles.add("compliance");
        org.put("id", "evil");
        groups.add("g2");
        array[0] = "changed";

        assertEquals("alice", s.id());
        assertEquals(Set.of("a", "pii.read"), s.scopes());
        assertEquals(Set.of("support"), s.roles());
        assertFalse(s.hasScope("admin"));
        assertFalse(s.hasScope("pii.ssn"));
        assertFalse(s.hasRole("compliance"));
        assertEquals(Optional.of("acme"), s.claim("org.id"));
        assertEquals(Optional.of(List.of("g1")), s.claim("org.groups"));
        assertEquals(List.of("first"), s.claims().get("array"));
        assertFalse(s.claims().containsKey("extra"));
        assertEquals(before, s.claims());
        assertEquals(toStringBefore, s.toString());
    }

    @Test
    void claims_mutatingSourceAfterwards_changesNoRequirementDecision() {
        List<Object> roles = new ArrayList<>();
        Map<String, Object> source = claims("sub", "alice", "roles", roles);
        Subject s = Subject.fromClaims(source);
        roles.add("compliance");
        assertFalse(Requirement.parse("role:compliance").isSatisfiedBy(s));
        assertFalse(Requirement.parse("claim:roles=compliance").isSatisfiedBy(s));
    }

    @Test
    void claims_topLevelUnmodifiable() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice"));
        assertThrows(UnsupportedOperationException.class, () -> s.claims().put("sub", "mallory"));
        assertThrows(UnsupportedOperationException.class, () -> s.claims().remove("sub"));
        assertThrows(UnsupportedOperationException.class, () -> s.claims().clear());
        assertEquals("alice", s.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void claims_nestedMapsAndListsUnmodifiable() {
        Subject s = Subject.fromClaims(Map.of(
                "sub", "alice",
                "org", new HashMap<>(Map.of("id", "acme", "teams", new ArrayList<>(List.of("t1")))),
                "roles", new ArrayList<>(List.of("support")),
                "arr", new String[] {"x"}));
        Map<String, Object> org = (Map<String, Object>) s.claims().get("org");
        List<Object> teams = (List<Object>) org.get("teams");
        List<Object> roles = (List<Object>) s.claims().get("roles");
        List<Object> arr = (List<Object>) s.claims().get("arr");
        assertThrows(UnsupportedOperationException.class, () -> org.put("id", "evil"));
        assertThrows(UnsupportedOperationException.class, () -> teams.add("t2"));
        assertThrows(UnsupportedOperationException.class, () -> roles.add("compliance"));
        assertThrows(UnsupportedOperationException.class, () -> roles.set(0, "compliance"));
        assertThrows(UnsupportedOperationException.class, () -> arr.set(0, "y"));
        Object viaClaim = s.claim("org").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) viaClaim).clear());
        assertFalse(s.hasRole("compliance"));
    }

    @Test
    void scopesAndRoles_unmodifiable() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "scope", "a", "roles", List.of("r")));
        assertThrows(UnsupportedOperationException.class, () -> s.scopes().add("admin"));
        assertThrows(UnsupportedOperationException.class, () -> s.scopes().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.roles().add("admin"));
        assertThrows(UnsupportedOperationException.class, () -> s.roles().remove("r"));
        assertFalse(s.hasScope("admin"));
        assertFalse(s.hasRole("admin"));
    }

    @Test
    void claims_acceptImmutableSourceMaps() {
        Subject s = Subject.fromClaims(Map.of("sub", "alice", "org", Map.of("ids", List.of(1, 2))));
        assertInstanceOf(List.class, s.claim("org.ids").orElseThrow());
    }

    // ---- toString, equals ----

    @Test
    void toString_neverContainsClaimValues() {
        Subject s = Subject.fromClaims(Map.of(
                "sub", "alice-7f3a",
                "email", "alice@example.com",
                "ssn", "123-45-6789",
                "scope", "pii.read orders.read",
                "scp", List.of("pii.ssn"),
                "roles", List.of("compliance-officer"),
                "org", Map.of("id", "acme-corp")));
        String text = s.toString();
        for (String value : List.of("alice-7f3a", "alice@example.com", "123-45-6789", "pii.read", "orders.read",
                "pii.ssn", "compliance-officer", "acme-corp", "email", "ssn")) {
            assertFalse(text.contains(value), () -> "toString '" + text + "' contains " + value);
        }
    }

    @Test
    void toString_customRolesClaim_neverContainsClaimValues() {
        Subject s = Subject.fromClaims(
                Map.of("sub", "bob-secret-id", "realm_access", Map.of("roles", List.of("auditor-x"))),
                "realm_access.roles");
        assertFalse(s.toString().contains("bob-secret-id"), s.toString());
        assertFalse(s.toString().contains("auditor-x"), s.toString());
    }

    @Test
    void equals_sameClaimsAreEqual() {
        Subject a = Subject.fromClaims(Map.of("sub", "alice", "scope", "x", "roles", List.of("r")));
        Subject b = Subject.fromClaims(new HashMap<>(Map.of("sub", "alice", "scope", "x", "roles", List.of("r"))));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Subject.fromClaims(Map.of("sub", "bob", "scope", "x", "roles", List.of("r"))));
        assertNotEquals(a, Subject.fromClaims(Map.of("sub", "alice", "scope", "y", "roles", List.of("r"))));
    }

    @Test
    void equals_sameClaimsDifferentRolesClaim_notEqual() {
        Map<String, Object> claims = Map.of("sub", "alice", "roles", List.of("a"), "groups", List.of("b"));
        assertNotEquals(Subject.fromClaims(claims), Subject.fromClaims(claims, "groups"));
    }
}
