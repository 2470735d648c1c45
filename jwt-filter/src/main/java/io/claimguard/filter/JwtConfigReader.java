package io.claimguard.filter;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.ConfigSection;
import io.claimguard.core.Mode;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.filter.revocation.RevocationConfig;
import io.claimguard.filter.revocation.RevocationStore;
import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.TokenVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the {@code jwt} section of the configuration file, with init-param overrides, into the
 * filter's settings. Unknown keys are errors: a misspelt {@code audience} must not quietly
 * accept tokens for every service. The YAML, types and messages are core's {@link ConfigSection}.
 */
final class JwtConfigReader {
    private static final Set<String> KEY_SOURCES = Set.of("jwks_uri", "public_key_pem", "public_keys", "hmac_secret_env");
    private static final Set<String> ISSUER_KEYS = Set.of("issuer", "jwks_uri", "public_key_pem", "public_keys",
            "hmac_secret_env", "algorithms");
    private static final Set<String> SECTION_KEYS = Set.of("issuer", "jwks_uri", "public_key_pem", "public_keys",
            "hmac_secret_env", "issuers", "audiences", "algorithms", "types", "leeway_seconds", "max_lifetime_seconds",
            "roles_claim", "required", "public_paths", "revocation", "revocation_options", "realm", "max_token_bytes", "allow_query_token",
            "kid_pattern", "jwks_connect_timeout_ms", "jwks_read_timeout_ms", "jwks_max_bytes", "jwks_cache_seconds",
            "jwks_refresh_cooldown_seconds", "token_cache_size", "client_ip_claim", "trusted_proxies", "tenant_claim",
            "personal_data_claims", "personal_data_claim_names", "path_requirements", "mode");
    /** Structured keys cannot be written as one init-param. */
    private static final Set<String> NOT_OVERRIDABLE = Set.of("issuers", "path_requirements", "public_keys",
            "revocation_options");
    private static final long DAY_SECONDS = 86_400;
    private static final long MINUTE_MS = 60_000;

    private JwtConfigReader() {
    }

    /** Whether the file has a {@code jwt} section at all. */
    static boolean hasSection(ConfigFile file) {
        return file.section("jwt").isPresent();
    }

    static JwtAuthFilter.Settings read(ConfigFile file, Map<String, String> overrides) {
        ConfigSection given = file.section("jwt").orElseThrow(() -> new ConfigException("ClaimGuard configuration "
                + file.location() + ": there is no 'jwt' section; the JWT filter needs one"));
        given.rejectUnknownKeys(SECTION_KEYS);
        for (String key : overrides.keySet()) {
            if (!SECTION_KEYS.contains(key) || NOT_OVERRIDABLE.contains(key)) {
                throw given.fail("filter init-param '" + key + "' is not a key of the jwt section that can be overridden"
                        + " (structured keys issuers, path_requirements, public_keys and revocation_options are set in the file)");
            }
        }
        ConfigSection jwt = given.withTextOverrides(overrides, "filter init-param");
        TokenVerifier.Builder verifier = TokenVerifier.builder();
        RevocationConfig revocation = RevocationConfig.read(jwt);
        RevocationStore revocations = null;
        try {
            readIssuers(jwt, verifier);
            verifier.audiences(jwt.strings("audiences"));
            if (jwt.has("algorithms")) {
                verifier.algorithms(jwt.strings("algorithms"));
            }
            if (jwt.has("types")) {
                verifier.types(jwt.strings("types"));
            }
            verifier.leeway(Duration.ofSeconds(jwt.integer("leeway_seconds", 0, 600, 30)))
                    .maxLifetime(Duration.ofSeconds(jwt.integer("max_lifetime_seconds", 0, 30 * DAY_SECONDS, 3600)))
                    .rolesClaim(jwt.text("roles_claim", "roles"))
                    .maxTokenBytes((int) jwt.integer("max_token_bytes", 256, 1024 * 1024, 8192))
                    .jwksTimeouts(Duration.ofMillis(jwt.integer("jwks_connect_timeout_ms", 1, MINUTE_MS, 2000)),
                            Duration.ofMillis(jwt.integer("jwks_read_timeout_ms", 1, MINUTE_MS, 2000)))
                    .jwksMaxBytes((int) jwt.integer("jwks_max_bytes", 1024, 16 * 1024 * 1024, 64 * 1024))
                    .jwksCacheTime(Duration.ofSeconds(jwt.integer("jwks_cache_seconds", 1, DAY_SECONDS, 600)))
                    .jwksRefreshCooldown(Duration.ofSeconds(jwt.integer("jwks_refresh_cooldown_seconds", 0, DAY_SECONDS, 30)))
                    .tokenCacheSize((int) jwt.integer("token_cache_size", 0, 10_000_000, 10_000))
                    .clientAddressClaim(jwt.text("client_ip_claim"))
                    .tenantClaim(jwt.text("tenant_claim"))
                    .personalDataClaims(jwt.choice("personal_data_claims", TokenVerifier.PersonalDataClaims.class,
                            TokenVerifier.PersonalDataClaims.WARN), jwt.strings("personal_data_claim_names"));
            String kidPattern = jwt.text("kid_pattern");
            if (kidPattern != null) {
                try {
                    verifier.keyIdPattern(Pattern.compile(kidPattern));
                } catch (PatternSyntaxException e) {
                    throw jwt.fail("jwt.kid_pattern is not a regular expression");
                }
            }
            revocations = revocation.open();
            verifier.revocations(revocations);
            JwtAuthFilter.Builder filter = JwtAuthFilter.builder(verifier.build())
                    .required(jwt.flag("required", true))
                    .allowQueryToken(jwt.flag("allow_query_token", false))
                    .realm(jwt.text("realm", "claimguard"))
                    .publishRevocations(revocations)
                    .closeOnDestroy(revocations);
            jwt.strings("public_paths").forEach(filter::publicPath);
            jwt.strings("trusted_proxies").forEach(filter::trustedProxy);
            filter.auditRepeats(RepeatThrottle.Settings.read(file)).mode(jwt.choice("mode", Mode.class, Mode.ENFORCE));
            ConfigSection requirements = jwt.section("path_requirements").orElse(null);
            if (requirements != null) {
                for (String pattern : requirements.keys()) {
                    filter.pathRequirement(pattern, requirements.strings(pattern));
                }
            }
            return filter.build().settings();
        } catch (RuntimeException e) {
            if (revocations != null) {
                revocations.close();   // a Redis store has started threads and a pool
            }
            if (e instanceof ConfigException c && c.getMessage().startsWith("ClaimGuard configuration ")) {
                throw c;
            }
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                throw jwt.fail("jwt: " + e.getMessage());
            }
            throw e;
        }
    }

    private static void readIssuers(ConfigSection jwt, TokenVerifier.Builder verifier) {
        if (!jwt.has("issuers")) {
            readIssuer(jwt, verifier);
            return;
        }
        if (jwt.has("issuer")) {
            throw jwt.fail("jwt has both 'issuer' and 'issuers'; use one");
        }
        List<ConfigSection> issuers = jwt.sections("issuers");
        if (issuers.isEmpty()) {
            throw jwt.fail("jwt.issuers must be a non-empty list");
        }
        for (ConfigSection issuer : issuers) {
            issuer.rejectUnknownKeys(ISSUER_KEYS);
            readIssuer(issuer, verifier);
        }
    }

    private static void readIssuer(ConfigSection entry, TokenVerifier.Builder verifier) {
        String issuer = entry.text("issuer");
        if (issuer == null) {
            throw entry.fail(entry.path() + ".issuer is missing");
        }
        List<String> sources = new ArrayList<>(KEY_SOURCES.stream().filter(entry::has).sorted().toList());
        if (sources.size() != 1) {
            throw entry.fail(entry.path() + " needs exactly one key source (hmac_secret_env, jwks_uri, public_key_pem or "
                    + "public_keys), has " + (sources.isEmpty() ? "none" : sources));
        }
        IssuerKeys keys;
        try {
            keys = switch (sources.get(0)) {
                case "jwks_uri" -> IssuerKeys.jwks(URI.create(entry.text("jwks_uri")));
                case "public_key_pem" -> IssuerKeys.pem(Map.of("", ConfigFile.load(entry.text("public_key_pem")).text()));
                case "public_keys" -> IssuerKeys.pem(pemFiles(entry));
                default -> IssuerKeys.hmac(secret(entry));
            };
        } catch (IllegalArgumentException e) {
            throw entry.fail(entry.path() + ": " + e.getMessage());
        } catch (ConfigException e) {
            throw e.getMessage().startsWith("ClaimGuard configuration ") ? e : entry.fail(entry.path() + ": " + e.getMessage());
        }
        if (entry.has("algorithms") && !entry.path().equals("jwt")) {
            verifier.issuer(issuer, keys, entry.strings("algorithms"));
        } else {
            verifier.issuer(issuer, keys);
        }
    }

    private static Map<String, String> pemFiles(ConfigSection entry) {
        ConfigSection byKid = entry.section("public_keys").orElseThrow();
        if (byKid.keys().isEmpty()) {
            throw entry.fail(byKid.path() + " must map key ids to PEM files");
        }
        Map<String, String> pems = new LinkedHashMap<>();
        for (String kid : byKid.keys()) {
            pems.put(kid, ConfigFile.load(byKid.text(kid)).text());
        }
        return pems;
    }

    private static byte[] secret(ConfigSection entry) {
        String variable = entry.text("hmac_secret_env");
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw entry.fail(entry.path() + ".hmac_secret_env names the environment variable " + variable + ", which is not set");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
