package io.claimguard.jdbc;

import io.claimguard.core.Subject;
import java.util.List;
import java.util.Map;

/** The callers the tests act as. */
final class Subjects {
    /** A support agent: no access to any protected column of the conformance policy. */
    static final Subject AGENT = Subject.fromClaims(Map.of("sub", "agent-7", "scope", "orders.read",
            "roles", List.of("support")));
    /** Sees everything the conformance policy protects. */
    static final Subject OFFICER = Subject.fromClaims(Map.of("sub", "officer-1",
            "scope", "pii.read pii.card notes.read", "roles", List.of("compliance", "hr", "support")));

    private Subjects() {
    }
}
