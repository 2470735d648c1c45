package io.claimguard.filter.token;

import io.claimguard.core.ConfigException;
import io.claimguard.core.Subject;
import io.claimguard.filter.revocation.RevocationUnavailableException;
import io.claimguard.filter.revocation.Revocations;
import io.claimguard.filter.revocation.TokenIdentity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies compact JWS access tokens strictly, in this order, stopping at the first failure:
 * <ol>
 *   <li>size cap, three canonical unpadded base64url parts, header and payload strict JSON
 *       objects (duplicate members, deep nesting and long values refused);</li>
 *   <li>header: {@code alg} exactly one of the allowed names (never {@code none}), {@code typ} on
 *       the allowed list, {@code kid} matching the key-id pattern, and none of {@code crit},
 *       {@code jku}, {@code x5u}, {@code jwk}, {@code x5c}, {@code x5t}, {@code zip}, {@code enc},
 *       {@code cty}, {@code p2c} (nothing is ever fetched from a token);</li>
 *   <li>key: the issuer named by {@code iss} must be configured, and the key comes from that
 *       issuer's own source only; the key must fit the algorithm (type, curve, declared
 *       {@code alg}, {@code use}, {@code key_ops}, RSA of 2048 bits or more);</li>
 *   <li>signature, by java-jwt's {@code Algorithm} (see {@link SignatureAlgorithm});</li>
 *   <li>claims: {@code exp} and {@code iat} numeric, {@code nbf} if present, each against the
 *       leeway; {@code exp - iat} within the maximum lifetime; {@code aud} naming a configured
 *       audience; {@code sub} a non-blank string; {@code jti} when revocation is on; the client
 *       address claim and tenant claim when configured; personal-data claims warned about or
 *       refused.</li>
 * </ol>
 * A token that passed is cached (bounded in size, and never past its {@code exp}); expiry,
 * revocation and the client address are checked on every call, cached or not. When the
 * revocation store cannot answer, the token is refused ({@link RejectionReason#REVOCATION_UNAVAILABLE}).
 *
 * <p>Instances are immutable apart from that cache, and thread-safe. Build one with
 * {@link #builder()}; the builder validates eagerly and fails with a {@link ConfigException}.
 */
public final class TokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "jku", "x5u", "jwk", "x5c", "x5t", "x5t#S256",
            "zip", "enc", "cty", "p2c", "p2s", "epk", "apu", "apv", "iv", "tag", "b64");
    /** OpenID Connect standard claims that are personal data in plain text. */
    static final Set<String> PERSONAL_DATA = Set.of("email", "phone_number", "address", "birthdate");
    private static final long MAX_NUMERIC_DATE = 253402300799L;   // 9999-12-31T23:59:59Z
    private static final int MAX_TOKEN_ID_LENGTH = 256;

    /** What to do with a token that carries personal data as plain claims. */
    public enum PersonalDataClaims { WARN, REFUSE }

    private record Issuer(String name, KeySource keys, Set<SignatureAlgorithm> algorithms) {
    }

    private final Map<String, Issuer> issuers;
    private final Set<String> audiences;
    private final Set<String> types;
    private final Pattern keyIdPattern;
    private final long leewaySeconds;
    private final long maxLifetimeSeconds;
    private final String rolesClaim;
    private final int maxTokenBytes;
    private final Revocations revocations;
    private final String clientAddressClaim;
    private final String tenantClaim;
    private final PersonalDataClaims personalData;
    private final Set<String> personalDataNames;
    private final Set<String> warnedPersonalData = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final StrictJson json;
    private final VerifiedTokenCache verified;
    private final VerifierStats stats;

    private TokenVerifier(Builder b) {
        this.clock = b.clock;
        this.audiences = Set.copyOf(b.audiences);
        this.types = normalisedTypes(b.types);
        this.keyIdPattern = b.keyIdPattern;
        this.leewaySeconds = b.leeway.toSeconds();
        this.maxLifetimeSeconds = b.maxLifetime.toSeconds();
        this.rolesClaim = b.rolesClaim;
        this.maxTokenBytes = b.maxTokenBytes;
        this.stats = b.stats;
        this.revocations = b.revocations == null ? null : counted(b.revocations, b.stats);
        this.clientAddressClaim = b.clientAddressClaim;
        this.tenantClaim = b.tenantClaim;
        this.personalData = b.personalData;
        this.personalDataNames = Set.copyOf(b.personalDataNames);
        this.json = new StrictJson(b.maxJsonDepth, b.maxTokenBytes);
        Map<String, Issuer> byName = new LinkedHashMap<>();
        b.issuers.forEach((name, spec) -> byName.put(name, issuer(name, spec, b)));
        this.issuers = Map.copyOf(byName);
        this.verified = new VerifiedTokenCache(b.cacheSize, leewaySeconds, clock);
    }

    /** Every lookup counted, whatever the implementation. */
    private static Revocations counted(Revocations revocations, VerifierStats stats) {
        return (token, client) -> {
            boolean revoked;
            try {
                revoked = revocations.isRevoked(token, client);
            } catch (RevocationUnavailableException e) {
                stats.revocationUnavailable();
                throw e;
            }
            stats.revocationChecked(revoked);
            return revoked;
        };
    }

    private static Issuer issuer(String name, IssuerKeys spec, Builder b) {
        boolean symmetric = spec.kind == IssuerKeys.Kind.HMAC;
        Set<SignatureAlgorithm> allowed = EnumSet.noneOf(SignatureAlgorithm.class);
        for (String algorithm : b.issuerAlgorithms.getOrDefault(name, b.algorithms)) {
            SignatureAlgorithm named = SignatureAlgorithm.named(algorithm);
            if (named == null) {
                throw new ConfigException("algorithm '" + algorithm + "' for issuer " + name + " is not one of "
                        + java.util.Arrays.toString(SignatureAlgorithm.values()));
            }
            if ((named.family == SignatureAlgorithm.Family.HMAC) == symmetric) {
                allowed.add(named);
            }
        }
        if (allowed.isEmpty()) {
            throw new ConfigException("issuer " + name + " has " + (symmetric ? "an HMAC secret" : "public keys")
                    + " but none of the allowed algorithms " + b.issuerAlgorithms.getOrDefault(name, b.algorithms) + " uses "
                    + (symmetric ? "one" : "them"));
        }
        if (symmetric) {
            for (SignatureAlgorithm algorithm : allowed) {
                if (!algorithm.accepts(spec.keys.get(0).key())) {
                    throw new ConfigException("the HMAC secret of issuer " + name + " is shorter than " + algorithm
                            + " needs (" + algorithm.length + " bytes)");
                }
            }
        }
        KeySource keys = spec.kind == IssuerKeys.Kind.JWKS
                ? new JwksKeys(spec.jwksUri, b.jwksConnectTimeout, b.jwksReadTimeout, b.jwksMaxBytes, b.jwksCooldown,
                        b.jwksCacheTime, b.clock, b.stats)
                : new FixedKeys(spec.keys, symmetric);
        return new Issuer(name, keys, Set.copyOf(allowed));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the filter counts its requests, and this verifier its JWKS fetches and revocation lookups. */
    public VerifierStats stats() {
        return stats;
    }

    /** The largest token accepted, in bytes; the filter refuses longer headers before decoding. */
    public int maxTokenBytes() {
        return maxTokenBytes;
    }

    /**
     * @param token  the compact token, without the {@code Bearer } prefix
     * @param client the client's address bytes, for tokens bound to networks; null if unknown
     * @throws TokenRejectedException naming the first check that failed
     */
    public VerifiedToken verify(String token, byte[] client) {
        Objects.requireNonNull(token, "token");
        if (token.length() > maxTokenBytes) {
            throw new TokenRejectedException(RejectionReason.TOKEN_TOO_LARGE);
        }
        VerifiedToken result = verified.get(token);
        if (result == null) {
            result = verifyFully(token);
            verified.put(token, result);
        }
        checkEveryTime(result, client);
        return result;
    }

    private void checkEveryTime(VerifiedToken token, byte[] client) {
        long now = clock.instant().getEpochSecond();
        TokenIdentity identity = token.identity();
        if (now > token.expiresAt().getEpochSecond() + leewaySeconds) {
            throw new TokenRejectedException(RejectionReason.EXPIRED, identity);
        }
        if (token.notBefore() != null && now + leewaySeconds < token.notBefore().getEpochSecond()) {
            throw new TokenRejectedException(RejectionReason.NOT_YET_VALID, identity);
        }
        if (revocations != null) {
            boolean revoked;
            try {
                revoked = revocations.isRevoked(identity, client);
            } catch (RevocationUnavailableException e) {
                throw new TokenRejectedException(RejectionReason.REVOCATION_UNAVAILABLE, identity);
            }
            if (revoked) {
                throw new TokenRejectedException(RejectionReason.REVOKED, identity);
            }
        }
        if (!token.usableFrom(client)) {
            throw new TokenRejectedException(RejectionReason.CLIENT_ADDRESS, identity);
        }
    }

    private VerifiedToken verifyFully(String token) {
        CompactJws jws = CompactJws.parse(token, json);
        Map<String, Object> header = jws.header;
        SignatureAlgorithm algorithm = algorithm(header);
        Object typ = header.get("typ");
        if (!(typ == null ? types.contains("") : typ instanceof String t && types.contains(normalisedType(t)))) {
            throw new TokenRejectedException(RejectionReason.TYPE_NOT_ALLOWED);
        }
        Object kidValue = header.get("kid");
        if (header.containsKey("kid") && !(kidValue instanceof String k && keyIdPattern.matcher(k).matches())) {
            throw new TokenRejectedException(RejectionReason.BAD_KEY_ID);
        }
        String kid = (String) kidValue;
        Map<String, Object> claims = jws.payload;
        Issuer issuer = claims.get("iss") instanceof String iss ? issuers.get(iss) : null;
        if (issuer == null) {
            throw new TokenRejectedException(RejectionReason.UNKNOWN_ISSUER);
        }
        if (!issuer.algorithms.contains(algorithm)) {
            throw new TokenRejectedException(RejectionReason.ALGORITHM_NOT_ALLOWED);
        }
        VerificationKey key = issuer.keys.find(kid);
        if (!key.fits(algorithm)) {
            throw new TokenRejectedException(RejectionReason.KEY_MISMATCH);
        }
        if (!algorithm.verify(key.key(), jws.parts)) {
            throw new TokenRejectedException(RejectionReason.BAD_SIGNATURE);
        }
        return checkClaims(issuer, kid, claims);
    }

    /**
     * The algorithm a header names, once no member asks for anything but a plain signed token
     * (no key or key URL carried along, no critical extensions, no encryption or compression).
     */
    static SignatureAlgorithm algorithm(Map<String, Object> header) {
        for (String member : header.keySet()) {
            if (FORBIDDEN_HEADERS.contains(member)) {
                throw new TokenRejectedException(RejectionReason.FORBIDDEN_HEADER);
            }
        }
        SignatureAlgorithm algorithm = header.get("alg") instanceof String alg ? SignatureAlgorithm.named(alg) : null;
        if (algorithm == null) {
            throw new TokenRejectedException(RejectionReason.ALGORITHM_NOT_ALLOWED);
        }
        return algorithm;
    }

    private VerifiedToken checkClaims(Issuer issuer, String kid, Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
        }
        Object jtiValue = claims.get("jti");
        if (jtiValue != null && !(jtiValue instanceof String j && !j.isEmpty() && j.length() <= MAX_TOKEN_ID_LENGTH)) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
        }
        long issuedAt = numericDate(claims, "iat");
        long expires = numericDate(claims, "exp");
        TokenIdentity identity = new TokenIdentity(issuer.name, sub, (String) jtiValue, Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expires), kid);
        try {
            if (jtiValue == null && revocations != null) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
            }
            Long notBefore = claims.containsKey("nbf") ? numericDate(claims, "nbf") : null;
            long now = clock.instant().getEpochSecond();
            if (issuedAt > now + leewaySeconds) {
                throw new TokenRejectedException(RejectionReason.ISSUED_IN_FUTURE);
            }
            if (expires - issuedAt > maxLifetimeSeconds || expires < issuedAt) {
                throw new TokenRejectedException(RejectionReason.LIFETIME_TOO_LONG);
            }
            checkAudience(claims.get("aud"));
            List<AddressRange> networks = clientAddressClaim == null ? null : networks(claims.get(clientAddressClaim));
            if (tenantClaim != null && !(claims.get(tenantClaim) instanceof String tenant && !tenant.isBlank())) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
            }
            checkPersonalData(issuer.name, claims.keySet());
            Subject subject;
            try {
                subject = Subject.fromClaims(claims, rolesClaim);
            } catch (IllegalArgumentException e) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
            }
            return new VerifiedToken(subject, identity, notBefore == null ? null : Instant.ofEpochSecond(notBefore), networks);
        } catch (TokenRejectedException e) {
            throw e.withIdentity(identity);
        }
    }

    private void checkAudience(Object aud) {
        if (aud instanceof String one && audiences.contains(one)) {
            return;
        }
        if (aud instanceof List<?> many && !many.isEmpty() && many.stream().allMatch(String.class::isInstance)
                && many.stream().anyMatch(audiences::contains)) {
            return;
        }
        throw new TokenRejectedException(aud instanceof String || aud instanceof List<?> ? RejectionReason.WRONG_AUDIENCE
                : RejectionReason.BAD_CLAIM);
    }

    private static List<AddressRange> networks(Object claim) {
        List<?> values = claim instanceof String one ? List.of(one) : claim instanceof List<?> many ? many : null;
        if (values == null || values.isEmpty() || values.size() > 64) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
        }
        List<AddressRange> ranges = new ArrayList<>(values.size());
        for (Object value : values) {
            try {
                ranges.add(AddressRange.parse((String) value));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
            }
        }
        return List.copyOf(ranges);
    }

    private void checkPersonalData(String issuer, Set<String> names) {
        for (String name : names) {
            if (PERSONAL_DATA.contains(name) || personalDataNames.contains(name)) {
                if (personalData == PersonalDataClaims.REFUSE) {
                    throw new TokenRejectedException(RejectionReason.PERSONAL_DATA_CLAIM);
                }
                if (warnedPersonalData.add(issuer + " " + name)) {
                    LOG.warn("tokens from issuer {} carry the personal-data claim '{}' in plain text; tokens end up in "
                            + "logs and browser storage: ask the issuer to leave it out", issuer, name);
                }
            }
        }
    }

    /** A NumericDate in whole seconds; must be a JSON number, finite and between 0 and year 9999. */
    private static long numericDate(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        BigDecimal seconds;
        if (value instanceof Integer || value instanceof Long) {
            seconds = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            seconds = new BigDecimal(big);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            seconds = BigDecimal.valueOf(d);
        } else if (value instanceof BigDecimal decimal) {
            seconds = decimal;
        } else {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) > 0) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM);
        }
        return seconds.longValue();
    }

    private static Set<String> normalisedTypes(Collection<String> types) {
        Set<String> normalised = new LinkedHashSet<>();
        types.forEach(t -> normalised.add(normalisedType(t)));
        return Set.copyOf(normalised);
    }

    /** RFC 7515 section 4.1.9: {@code application/} may be left out, and media types ignore case. */
    private static String normalisedType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    /** Fetches started for an issuer's JWKS so far; for tests of the flood limits. */
    long jwksFetches(String issuer) {
        Issuer i = issuers.get(issuer);
        return i != null && i.keys instanceof JwksKeys jwks ? jwks.fetchCount() : 0;
    }

    /**
     * Options for a {@link TokenVerifier}. Required: at least one {@link #issuer issuer} and one
     * {@link #audiences audience}. Defaults: algorithms RS256, PS256, ES256 (and HS256 for HMAC
     * issuers only if listed); types {@code JWT} and {@code at+jwt}; leeway 30 s; maximum lifetime
     * 1 h; roles from {@code roles}; tokens up to 8 KiB; key ids matching
     * {@code [A-Za-z0-9._:-]{1,128}}; no revocation; personal-data claims warned about; JWKS
     * connect and read timeouts 2 s, documents up to 64 KiB, cached 10 min, refreshed for an
     * unknown key id at most every 30 s; up to 10,000 verified tokens cached.
     */
    public static final class Builder {
        private final Map<String, IssuerKeys> issuers = new LinkedHashMap<>();
        private final Map<String, List<String>> issuerAlgorithms = new LinkedHashMap<>();
        private List<String> algorithms = List.of("RS256", "PS256", "ES256");
        private Set<String> audiences = Set.of();
        private List<String> types = List.of("JWT", "at+jwt");
        private Pattern keyIdPattern = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
        private Duration leeway = Duration.ofSeconds(30);
        private Duration maxLifetime = Duration.ofHours(1);
        private String rolesClaim = Subject.DEFAULT_ROLES_CLAIM;
        private int maxTokenBytes = 8 * 1024;
        private int maxJsonDepth = 8;
        private Revocations revocations;
        private String clientAddressClaim;
        private String tenantClaim;
        private PersonalDataClaims personalData = PersonalDataClaims.WARN;
        private Set<String> personalDataNames = Set.of();
        private Duration jwksConnectTimeout = Duration.ofSeconds(2);
        private Duration jwksReadTimeout = Duration.ofSeconds(2);
        private int jwksMaxBytes = 64 * 1024;
        private Duration jwksCooldown = Duration.ofSeconds(30);
        private Duration jwksCacheTime = Duration.ofMinutes(10);
        private int cacheSize = 10_000;
        private Clock clock = Clock.systemUTC();
        private VerifierStats stats;

        private Builder() {
        }

        /** Accepts tokens whose {@code iss} is exactly {@code issuer}, verified with {@code keys} only. */
        public Builder issuer(String issuer, IssuerKeys keys) {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(keys, "keys");
            if (issuer.isBlank()) {
                throw new ConfigException("an issuer must not be blank");
            }
            if (issuers.putIfAbsent(issuer, keys) != null) {
                throw new ConfigException("issuer " + issuer + " is configured twice");
            }
            return this;
        }

        /** As {@link #issuer(String, IssuerKeys)}, with this issuer's own algorithm allow-list. */
        public Builder issuer(String issuer, IssuerKeys keys, Collection<String> algorithms) {
            issuer(issuer, keys);
            issuerAlgorithms.put(issuer, List.copyOf(algorithms));
            return this;
        }

        /** The algorithm allow-list for issuers without their own, by exact JWS name. */
        public Builder algorithms(Collection<String> names) {
            this.algorithms = List.copyOf(names);
            return this;
        }

        public Builder audiences(Collection<String> audiences) {
            this.audiences = Set.copyOf(audiences);
            return this;
        }

        /** Accepted {@code typ} values (case-insensitive, {@code application/} optional); "" accepts tokens without one. */
        public Builder types(Collection<String> types) {
            this.types = List.copyOf(types);
            return this;
        }

        public Builder keyIdPattern(Pattern pattern) {
            this.keyIdPattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        public Builder leeway(Duration leeway) {
            this.leeway = nonNegative(leeway, "leeway");
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = nonNegative(maxLifetime, "maximum lifetime");
            return this;
        }

        /** Dotted path of the claim the subject's roles come from. */
        public Builder rolesClaim(String rolesClaim) {
            this.rolesClaim = Objects.requireNonNull(rolesClaim, "rolesClaim");
            return this;
        }

        public Builder maxTokenBytes(int bytes) {
            if (bytes < 256 || bytes > 1024 * 1024) {
                throw new ConfigException("the token size cap must be between 256 bytes and 1 MiB, not " + bytes);
            }
            this.maxTokenBytes = bytes;
            return this;
        }

        /** Turns revocation on: every token then needs a {@code jti}. Asked on every request, with the client's address. */
        public Builder revocations(Revocations revocations) {
            this.revocations = revocations;
            return this;
        }

        /** A claim holding the networks (CIDR strings) a token may be used from. */
        public Builder clientAddressClaim(String claim) {
            this.clientAddressClaim = claim;
            return this;
        }

        /** A claim every token must carry as a non-blank string; it reaches policies as a claim of the Subject. */
        public Builder tenantClaim(String claim) {
            this.tenantClaim = claim;
            return this;
        }

        /** What to do with {@code email}, {@code phone_number}, {@code address}, {@code birthdate} and {@code extraNames}. */
        public Builder personalDataClaims(PersonalDataClaims action, Collection<String> extraNames) {
            this.personalData = Objects.requireNonNull(action, "action");
            this.personalDataNames = Set.copyOf(extraNames);
            return this;
        }

        public Builder jwksTimeouts(Duration connect, Duration read) {
            this.jwksConnectTimeout = positive(connect, "JWKS connect timeout");
            this.jwksReadTimeout = positive(read, "JWKS read timeout");
            return this;
        }

        public Builder jwksMaxBytes(int bytes) {
            this.jwksMaxBytes = bytes;
            return this;
        }

        /** The shortest time between two fetches caused by unknown key ids. */
        public Builder jwksRefreshCooldown(Duration cooldown) {
            this.jwksCooldown = nonNegative(cooldown, "JWKS refresh cool-down");
            return this;
        }

        /** How long fetched keys are used before the next token triggers a refresh. */
        public Builder jwksCacheTime(Duration cacheTime) {
            this.jwksCacheTime = positive(cacheTime, "JWKS cache time");
            return this;
        }

        /** How many verified tokens are kept; 0 verifies every token in full. */
        public Builder tokenCacheSize(int size) {
            this.cacheSize = size;
            return this;
        }

        /** Where requests, JWKS fetches and revocation lookups are counted; {@link VerifierStats#fromClassPath()} by default. */
        public Builder stats(VerifierStats stats) {
            this.stats = Objects.requireNonNull(stats, "stats");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws ConfigException for a missing issuer or audience, an unknown algorithm, weak keys */
        public TokenVerifier build() {
            if (issuers.isEmpty()) {
                throw new ConfigException("no issuer configured: tokens from nobody would be accepted");
            }
            if (audiences.isEmpty()) {
                throw new ConfigException("no audience configured: tokens for any service would be accepted");
            }
            if (types.isEmpty()) {
                throw new ConfigException("no token type allowed");
            }
            if (jwksMaxBytes < 1024 || cacheSize < 0) {
                throw new ConfigException("the JWKS size cap must be at least 1 KiB and the token cache size not negative");
            }
            if (stats == null) {
                stats = VerifierStats.fromClassPath();
            }
            return new TokenVerifier(this);
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new ConfigException("the " + what + " must not be negative");
            }
            return d;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigException("the " + what + " must be positive");
            }
            return d;
        }
    }
}
