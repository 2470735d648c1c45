package io.claimguard.core;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the verified claims of one caller.
 *
 * <p>Built once per request (by the JWT filter, or by {@link #fromClaims(Map)} in tests and batch
 * jobs) and then only read: by {@link Requirement}s deciding what the caller may see, on any
 * thread, without locking. The claims are deep-copied, so later changes to the source map cannot
 * alter a decision already taken.
 *
 * <ul>
 *   <li>{@link #id()} is the {@code sub} claim, which must be a non-blank string;</li>
 *   <li>{@link #scopes()} come from the space-separated {@code scope} claim and the {@code scp}
 *       claim (array or space-separated string);</li>
 *   <li>{@link #roles()} come from the roles claim ({@code roles} unless another dotted path is
 *       given), an array or a space-separated string.</li>
 * </ul>
 *
 * <p>{@link #toString()} names no claim value: subjects end up in logs.
 */
public final class Subject {
    /** The claim {@link #fromClaims(Map)} reads roles from. */
    public static final String DEFAULT_ROLES_CLAIM = "roles";

    private final Map<String, Object> claims;
    private final String id;
    private final Set<String> scopes;
    private final Set<String> roles;

    private Subject(Map<String, Object> claims, String id, Set<String> scopes, Set<String> roles) {
        this.claims = claims;
        this.id = id;
        this.scopes = scopes;
        this.roles = roles;
    }

    /** Roles from the {@code roles} claim. */
    public static Subject fromClaims(Map<String, ?> claims) {
        return fromClaims(claims, DEFAULT_ROLES_CLAIM);
    }

    /**
     * @param rolesClaim dotted path of the claim that holds the roles, such as
     *                   {@code realm_access.roles}
     * @throws IllegalArgumentException if {@code sub} is missing, not a string, or empty or blank
     */
    public static Subject fromClaims(Map<String, ?> claims, String rolesClaim) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) freeze(claims);
        if (!(copy.get("sub") instanceof String sub) || sub.isBlank()) {
            throw new IllegalArgumentException("claims have no 'sub' string");
        }
        Set<String> scopes = new LinkedHashSet<>();
        addWords(copy.get("scope"), scopes);
        addWords(copy.get("scp"), scopes);
        Set<String> roles = new LinkedHashSet<>();
        addWords(lookup(copy, ClaimPath.split(rolesClaim)), roles);
        return new Subject(copy, sub, Collections.unmodifiableSet(scopes), Collections.unmodifiableSet(roles));
    }

    /** The {@code sub} claim. */
    public String id() {
        return id;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** All claims, deeply unmodifiable. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The claim at a dotted path ({@code org.id}), if present and not null. */
    public Optional<Object> claim(String dottedPath) {
        return Optional.ofNullable(lookup(claims, ClaimPath.split(dottedPath)));
    }

    Object claimAt(String[] path) {
        return lookup(claims, path);
    }

    private static Object lookup(Map<String, Object> claims, String[] path) {
        Object node = claims;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    private static void addWords(Object claim, Set<String> into) {
        if (claim instanceof String s) {
            for (String word : s.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    into.add(word);
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (value instanceof String s && !s.isEmpty()) {
                    into.add(s);
                }
            }
        }
    }

    /** Deep, unmodifiable copy; arrays become lists so that claim matching sees one shape. */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> values) {
            List<Object> copy = new ArrayList<>(values.size());
            values.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(freeze(Array.get(value, i)));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subject other && claims.equals(other.claims) && roles.equals(other.roles);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        return "Subject[" + scopes.size() + " scopes, " + roles.size() + " roles]";
    }
}
