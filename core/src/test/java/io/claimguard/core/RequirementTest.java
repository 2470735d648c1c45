package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementTest {

    private static final Subject ALICE = Subject.fromClaims(Map.of(
            "sub", "alice",
            "scope", "pii.read orders.read",
            "roles", List.of("support"),
            "email_verified", true,
            "tier", 3,
            "big", 12345678901L,
            "ratio", 1.5,
            "org", Map.of("id", "acme", "region", Map.of("code", "eu-west"), "depts", List.of("sales", 42, true)),
            "groups", List.of("staff", "oncall"),
            "url", "https://id.example.com/x?a=b"));

    private static final Subject BOB = Subject.fromClaims(Map.of(
            "sub", "bob",
            "scp", List.of("orders.read"),
            "roles", "compliance",
            "org", Map.of("id", "globex")));

    private static boolean holds(String requirement, Subject subject) {
        return Requirement.parse(requirement).isSatisfiedBy(subject);
    }

    // ---- kinds ----

    @Test
    void scope_matchesScopeClaimWord() {
        assertTrue(holds("scope:pii.read", ALICE));
        assertTrue(holds("scope:orders.read", ALICE));
        assertFalse(holds("scope:pii.ssn", ALICE));
        assertFalse(holds("scope:pii", ALICE));
    }

    @Test
    void scope_matchesScpArray() {
        assertTrue(holds("scope:orders.read", BOB));
        assertFalse(holds("scope:pii.read", BOB));
    }

    @Test
    void role_matchesSubjectRoles() {
        assertTrue(holds("role:support", ALICE));
        assertFalse(holds("role:compliance", ALICE));
        assertTrue(holds("role:compliance", BOB));
    }

    @Test
    void role_usesSubjectsRolesNotTheRolesClaim() {
        Subject keycloak = Subject.fromClaims(Map.of(
                "sub", "carol",
                "roles", List.of("from-default-claim"),
                "realm_access", Map.of("roles", List.of("auditor"))), "realm_access.roles");
        assertTrue(holds("role:auditor", keycloak));
        assertFalse(holds("role:from-default-claim", keycloak));
    }

    @Test
    void role_scopeAndRoleAreDistinct() {
        assertFalse(holds("role:pii.read", ALICE));
        assertFalse(holds("scope:support", ALICE));
    }

    @Test
    void sub_matchesIdExactly() {
        assertTrue(holds("sub:alice", ALICE));
        assertFalse(holds("sub:alice", BOB));
        assertFalse(holds("sub:Alice", ALICE));
        assertFalse(holds("sub:ali", ALICE));
    }

    @Test
    void claim_topLevelString() {
        assertTrue(holds("claim:sub=alice", ALICE));
        assertFalse(holds("claim:sub=bob", ALICE));
    }

    @Test
    void claim_nestedPath() {
        assertTrue(holds("claim:org.id=acme", ALICE));
        assertTrue(holds("claim:org.region.code=eu-west", ALICE));
        assertFalse(holds("claim:org.id=globex", ALICE));
        assertTrue(holds("claim:org.id=globex", BOB));
        assertFalse(holds("claim:org.region.code=eu-west", BOB));
    }

    @Test
    void claim_arrayContainingValue() {
        assertTrue(holds("claim:groups=staff", ALICE));
        assertTrue(holds("claim:groups=oncall", ALICE));
        assertFalse(holds("claim:groups=admin", ALICE));
        assertTrue(holds("claim:org.depts=sales", ALICE));
        assertTrue(holds("claim:org.depts=42", ALICE));
        assertTrue(holds("claim:org.depts=true", ALICE));
        assertFalse(holds("claim:org.depts=sale", ALICE));
    }

    @Test
    void claim_javaArrayContainingValue() {
        Subject s = Subject.fromClaims(Map.of("sub", "x", "amr", new String[] {"pwd", "mfa"}, "ids", new long[] {7L}));
        assertTrue(holds("claim:amr=mfa", s));
        assertTrue(holds("claim:ids=7", s));
        assertFalse(holds("claim:amr=otp", s));
    }

    @Test
    void claim_numbersAndBooleansComparedByStringForm() {
        assertTrue(holds("claim:tier=3", ALICE));
        assertFalse(holds("claim:tier=03", ALICE));
        assertFalse(holds("claim:tier=3.0", ALICE));
        assertTrue(holds("claim:big=12345678901", ALICE));
        assertTrue(holds("claim:ratio=1.5", ALICE));
        assertTrue(holds("claim:email_verified=true", ALICE));
        assertFalse(holds("claim:email_verified=false", ALICE));
        assertFalse(holds("claim:email_verified=TRUE", ALICE));
    }

    @Test
    void claim_valueMayContainEqualsAndColons() {
        assertTrue(holds("claim:url=https://id.example.com/x?a=b", ALICE));
        Subject s = Subject.fromClaims(Map.of("sub", "x", "expr", "a=b"));
        assertTrue(holds("claim:expr=a=b", s));
    }

    @Test
    void claim_missingOrNonScalar_notSatisfied() {
        assertFalse(holds("claim:nope=x", ALICE));
        assertFalse(holds("claim:org.nope=x", ALICE));
        assertFalse(holds("claim:sub.deeper=x", ALICE));
        assertFalse(holds("claim:org=acme", ALICE), "a map never equals a scalar");
        assertFalse(holds("claim:org.region={code=eu-west}", ALICE), "a map is not compared by its string form");
        Subject nested = Subject.fromClaims(Map.of("sub", "x", "matrix", List.of(List.of("a"))));
        assertFalse(holds("claim:matrix=a", nested), "only direct array elements count");
        assertFalse(holds("claim:matrix=[a]", nested));
    }

    @Test
    void whitespaceAroundTermsAndArgumentsIgnored() {
        assertTrue(holds("  scope:pii.read  ", ALICE));
        assertTrue(holds("scope: pii.read", ALICE));
        assertTrue(holds("claim: org.id = acme ", ALICE));
    }

    // ---- conjunction ----

    @Test
    void conjunction_needsAllTerms() {
        assertTrue(holds("scope:pii.read & role:support", ALICE));
        assertTrue(holds("scope:pii.read&role:support&sub:alice&claim:org.id=acme", ALICE));
        assertFalse(holds("scope:pii.read & role:compliance", ALICE));
        assertFalse(holds("role:compliance & scope:pii.read", ALICE));
        assertFalse(holds("scope:pii.read & role:compliance", BOB));
        assertFalse(holds("sub:alice & sub:bob", ALICE));
    }

    // ---- anyOf ----

    @Test
    void anyOf_satisfiedByAnyOne() {
        Requirement r = Requirement.anyOf(List.of("scope:pii.ssn", "role:compliance"));
        assertFalse(r.isSatisfiedBy(ALICE));
        assertTrue(r.isSatisfiedBy(BOB));
        Requirement r2 = Requirement.anyOf(List.of("role:compliance", "scope:pii.read & role:support"));
        assertTrue(r2.isSatisfiedBy(ALICE));
        assertTrue(r2.isSatisfiedBy(BOB));
    }

    @Test
    void anyOf_conjunctionInsideAlternativeStillNeedsAll() {
        Requirement r = Requirement.anyOf(List.of("scope:orders.read & role:support", "sub:nobody"));
        assertTrue(r.isSatisfiedBy(ALICE));
        assertFalse(r.isSatisfiedBy(BOB), "bob has orders.read but not role support");
    }

    @Test
    void anyOf_single_sameAsParse() {
        for (Subject s : List.of(ALICE, BOB)) {
            assertEquals(holds("role:support", s), Requirement.anyOf(List.of("role:support")).isSatisfiedBy(s));
        }
    }

    @Test
    void anyOf_emptyList_satisfiesNobody() {
        Requirement nobody = Requirement.anyOf(List.of());
        assertFalse(nobody.isSatisfiedBy(ALICE));
        assertFalse(nobody.isSatisfiedBy(BOB));
        assertFalse(nobody.isSatisfiedBy(Subject.fromClaims(Map.of(
                "sub", "root", "scope", "pii.read pii.ssn", "roles", List.of("admin", "compliance")))));
        assertFalse(nobody.isSatisfiedBy(null));
    }

    @Test
    void anyOf_null_rejected() {
        assertThrows(NullPointerException.class, () -> Requirement.anyOf(null));
    }

    @Test
    void anyOf_badElement_rejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Requirement.anyOf(List.of("scope:a", "rolez:b")));
        assertTrue(e.getMessage().contains("rolez:b"), e.getMessage());
    }

    @Test
    void anyOf_nullOrBlankElement_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf(Arrays.asList("scope:a", null)));
        assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf(List.of("scope:a", "  ")));
    }

    @Test
    void anyOf_copiesNothingMutableFromTheList() {
        List<String> list = new ArrayList<>(List.of("role:compliance"));
        Requirement r = Requirement.anyOf(list);
        list.add("role:support");
        assertFalse(r.isSatisfiedBy(ALICE));
    }

    // ---- null subject ----

    @ParameterizedTest
    @ValueSource(strings = {"scope:pii.read", "role:support", "sub:alice", "claim:org.id=acme",
            "scope:pii.read & role:support"})
    void nullSubject_neverSatisfied(String requirement) {
        assertFalse(Requirement.parse(requirement).isSatisfiedBy(null));
        assertFalse(Requirement.anyOf(List.of(requirement, "sub:bob")).isSatisfiedBy(null));
    }

    // ---- parse errors ----

    @ParameterizedTest
    @ValueSource(strings = {
        "scop:pii.read",            // unknown kind
        "Scope:pii.read",           // kinds are case-sensitive
        "group:x",
        "pii.read",                 // no kind at all
        "scope:",                   // missing argument
        "scope:   ",
        "role:",
        "sub:",
        "claim:",
        "claim:org.id",             // claim without '='
        "claim:=acme",              // claim without path
        "claim:org.id=",            // claim without value
        "claim:org.id=   ",
        "claim:org..id=acme",       // empty step in path
        "claim:.org=acme",
        "claim:org.=acme",
        "scope:a &",                // empty term
        "& scope:a",
        "scope:a && role:b",
        "scope:a & bogus:b",
    })
    void parse_malformed_throwsNamingTheText(String requirement) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Requirement.parse(requirement));
        assertTrue(e.getMessage().contains("'" + requirement + "'"),
                () -> "message '" + e.getMessage() + "' does not name '" + requirement + "'");
    }

    @Test
    void parse_unknownKind_messageNamesKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Requirement.parse("group:x"));
        assertTrue(e.getMessage().contains("'group'"), e.getMessage());
    }

    @Test
    void parse_emptyStep_messageNamesPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Requirement.parse("role:x & claim:org..id=acme"));
        assertTrue(e.getMessage().contains("org..id"), e.getMessage());
        assertTrue(e.getMessage().contains("role:x & claim:org..id=acme"), e.getMessage());
    }

    @Test
    void parse_nullOrBlank_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Requirement.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Requirement.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Requirement.parse("   "));
    }

    @Test
    void toString_isTheText() {
        assertEquals("scope:a & role:b", Requirement.parse("scope:a & role:b").toString());
        assertTrue(Requirement.anyOf(List.of("scope:a", "role:b")).toString().contains("scope:a"));
        assertTrue(Requirement.anyOf(List.of("scope:a", "role:b")).toString().contains("role:b"));
    }

    @Test
    void isSatisfiedBy_isThreadSafeAndRepeatable() throws Exception {
        Requirement r = Requirement.anyOf(List.of("scope:pii.read & role:support", "role:compliance"));
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        Subject carol = Subject.fromClaims(Map.of("sub", "carol", "scope", "pii.read"));
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 10_000; i++) {
                        if (!r.isSatisfiedBy(ALICE) || !r.isSatisfiedBy(BOB) || r.isSatisfiedBy(carol)) {
                            throw new AssertionError("wrong decision at iteration " + i);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }
}
