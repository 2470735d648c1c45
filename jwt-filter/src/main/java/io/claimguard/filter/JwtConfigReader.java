package io.claimguard.filter;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns the {@code jwt} section of the YAML configuration, with init-param overrides, into the
 * filter's settings. Unknown keys are errors: a misspelt {@code audience} must not quietly
 * accept tokens for every service.
 */
final class JwtConfigReader {
    private static final Set<String> ISSUER_KEYS = Set.of("issuer", "jwks_uri", "public_key_pem", "public_keys",
            "hmac_secret_env", "algorithms");
    private static final Set<String> SECTION_KEYS = Set.of("issuer", "jwks_uri", "public_key_pem", "public_keys",
            "hmac_secret_env", "issuers", "audiences", "algorithms", "types", "leeway_seconds", "max_lifetime_seconds",
            "roles_claim", "required", "public_paths", "revocation", "realm", "max_token_bytes", "allow_query_token",
            "kid_pattern", "jwks_connect_timeout_ms", "jwks_read_timeout_ms", "jwks_max_bytes", "jwks_cache_seconds",
            "jwks_refresh_cooldown_seconds", "token_cache_size", "client_ip_claim", "trusted_proxies", "tenant_claim",
            "personal_data_claims", "personal_data_claim_names", "path_requirements");

    private final String location;

    private JwtConfigReader(String location) {
        this.location = location;
    }

    /** Whether the configuration text has a {@code jwt} section at all. */
    static boolean hasSection(String location, String yaml) {
        return new JwtConfigReader(location).root(yaml).get("jwt") != null;
    }

    static JwtAuthFilter.Settings read(String location, String yaml, Map<String, String> overrides) {
        return new JwtConfigReader(location).read(yaml, overrides);
    }

    private Map<?, ?> root(String yaml) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw fail("is not valid YAML: " + e.getMessage());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw fail("must be a YAML mapping at the top level");
        }
        return map;
    }

    private JwtAuthFilter.Settings read(String yaml, Map<String, String> overrides) {
        Object section = root(yaml).get("jwt");
        if (section == null) {
            throw fail("has no 'jwt' section; the JWT filter needs one");
        }
        if (!(section instanceof Map<?, ?> given)) {
            throw fail("jwt must be a mapping");
        }
        Map<Object, Object> jwt = new LinkedHashMap<>(given);
        overrides.forEach((key, value) -> {
            if (!SECTION_KEYS.contains(key) || key.equals("issuers") || key.equals("path_requirements")
                    || key.equals("public_keys")) {
                throw fail("filter init-param '" + key + "' is not a key of the jwt section that can be overridden");
            }
            jwt.put(key, value);
        });
        for (Object key : jwt.keySet()) {
            if (!SECTION_KEYS.contains(String.valueOf(key))) {
                throw fail("jwt." + key + " is not a known key; known keys: " + new java.util.TreeSet<>(SECTION_KEYS));
            }
        }
        TokenVerifier.Builder verifier = TokenVerifier.builder();
        readIssuers(jwt, verifier);
        verifier.audiences(strings(jwt, "audiences", List.of()));
        if (jwt.containsKey("algorithms")) {
            verifier.algorithms(strings(jwt, "algorithms", List.of()));
        }
        if (jwt.containsKey("types")) {
            verifier.types(strings(jwt, "types", List.of()));
        }
        verifier.leeway(Duration.ofSeconds(number(jwt, "leeway_seconds", 30)))
                .maxLifetime(Duration.ofSeconds(number(jwt, "max_lifetime_seconds", 3600)))
                .rolesClaim(text(jwt, "roles_claim", "roles"))
                .maxTokenBytes((int) number(jwt, "max_token_bytes", 8192))
                .jwksTimeouts(Duration.ofMillis(number(jwt, "jwks_connect_timeout_ms", 2000)),
                        Duration.ofMillis(number(jwt, "jwks_read_timeout_ms", 2000)))
                .jwksMaxBytes((int) number(jwt, "jwks_max_bytes", 64 * 1024))
                .jwksCacheTime(Duration.ofSeconds(number(jwt, "jwks_cache_seconds", 600)))
                .jwksRefreshCooldown(Duration.ofSeconds(number(jwt, "jwks_refresh_cooldown_seconds", 30)))
                .tokenCacheSize((int) number(jwt, "token_cache_size", 10_000))
                .clientAddressClaim(text(jwt, "client_ip_claim", null))
                .tenantClaim(text(jwt, "tenant_claim", null));
        String kidPattern = text(jwt, "kid_pattern", null);
        if (kidPattern != null) {
            try {
                verifier.keyIdPattern(Pattern.compile(kidPattern));
            } catch (PatternSyntaxException e) {
                throw fail("jwt.kid_pattern is not a regular expression");
            }
        }
        String personalData = text(jwt, "personal_data_claims", "warn");
        try {
            verifier.personalDataClaims(TokenVerifier.PersonalDataClaims.valueOf(personalData.toUpperCase(Locale.ROOT)),
                    strings(jwt, "personal_data_claim_names", List.of()));
        } catch (IllegalArgumentException e) {
            throw fail("jwt.personal_data_claims must be warn or refuse, not '" + personalData + "'");
        }
        Revocations revocations = revocations(text(jwt, "revocation", "none"));
        verifier.revocations(revocations);
        JwtAuthFilter.Builder filter;
        try {
            filter = JwtAuthFilter.builder(verifier.build());
        } catch (ConfigException e) {
            throw fail("jwt: " + e.getMessage());
        }
        filter.required(flag(jwt, "required", true))
                .allowQueryToken(flag(jwt, "allow_query_token", false))
                .realm(text(jwt, "realm", "claimguard"))
                .publishRevocations(revocations);
        try {
            strings(jwt, "public_paths", List.of()).forEach(filter::publicPath);
            strings(jwt, "trusted_proxies", List.of()).forEach(filter::trustedProxy);
            Object requirements = jwt.get("path_requirements");
            if (requirements != null) {
                if (!(requirements instanceof Map<?, ?> byPattern)) {
                    throw fail("jwt.path_requirements must map URL patterns to requirement lists");
                }
                for (Map.Entry<?, ?> entry : byPattern.entrySet()) {
                    filter.pathRequirement(String.valueOf(entry.getKey()),
                            list(entry.getValue(), "jwt.path_requirements." + entry.getKey()));
                }
            }
        } catch (ConfigException e) {
            throw e.getMessage().startsWith("ClaimGuard configuration") ? e : fail("jwt: " + e.getMessage());
        }
        return settingsOf(filter.build());
    }

    private static JwtAuthFilter.Settings settingsOf(JwtAuthFilter filter) {
        return filter.settings();
    }

    private void readIssuers(Map<Object, Object> jwt, TokenVerifier.Builder verifier) {
        Object many = jwt.get("issuers");
        if (many != null) {
            if (jwt.containsKey("issuer")) {
                throw fail("jwt has both 'issuer' and 'issuers'; use one");
            }
            if (!(many instanceof List<?> entries) || entries.isEmpty()) {
                throw fail("jwt.issuers must be a non-empty list");
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                    throw fail("jwt.issuers[" + i + "] must be a mapping");
                }
                for (Object key : entry.keySet()) {
                    if (!ISSUER_KEYS.contains(String.valueOf(key))) {
                        throw fail("jwt.issuers[" + i + "]." + key + " is not a known key; known keys: " + ISSUER_KEYS);
                    }
                }
                readIssuer(entry, "jwt.issuers[" + i + "]", verifier);
            }
        } else {
            readIssuer(jwt, "jwt", verifier);
        }
    }

    private void readIssuer(Map<?, ?> entry, String where, TokenVerifier.Builder verifier) {
        String issuer = text(entry, "issuer", null);
        if (issuer == null) {
            throw fail(where + ".issuer is missing");
        }
        List<String> sources = new ArrayList<>();
        for (String key : List.of("jwks_uri", "public_key_pem", "public_keys", "hmac_secret_env")) {
            if (entry.get(key) != null) {
                sources.add(key);
            }
        }
        if (sources.size() != 1) {
            throw fail(where + " needs exactly one key source (jwks_uri, public_key_pem, public_keys or hmac_secret_env), has "
                    + (sources.isEmpty() ? "none" : sources));
        }
        IssuerKeys keys;
        try {
            keys = switch (sources.get(0)) {
                case "jwks_uri" -> IssuerKeys.jwks(URI.create(text(entry, "jwks_uri", null)));
                case "public_key_pem" -> IssuerKeys.pem(Map.of("", ConfigFile.load(text(entry, "public_key_pem", null)).text()));
                case "public_keys" -> IssuerKeys.pem(pemFiles(entry.get("public_keys"), where + ".public_keys"));
                default -> IssuerKeys.hmac(secret(text(entry, "hmac_secret_env", null), where));
            };
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        } catch (ConfigException e) {
            throw fail(where + ": " + e.getMessage());
        }
        if (entry.containsKey("algorithms") && !where.equals("jwt")) {
            verifier.issuer(issuer, keys, list(entry.get("algorithms"), where + ".algorithms"));
        } else {
            verifier.issuer(issuer, keys);
        }
    }

    private Map<String, String> pemFiles(Object value, String where) {
        if (!(value instanceof Map<?, ?> byKid) || byKid.isEmpty()) {
            throw fail(where + " must map key ids to PEM files");
        }
        Map<String, String> pems = new LinkedHashMap<>();
        byKid.forEach((kid, file) -> pems.put(String.valueOf(kid), ConfigFile.load(String.valueOf(file)).text()));
        return pems;
    }

    private byte[] secret(String variable, String where) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw fail(where + ".hmac_secret_env names the environment variable " + variable + ", which is not set");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Revocations revocations(String kind) {
        if (kind.equals("none")) {
            return null;
        }
        if (kind.equals("memory")) {
            return new InMemoryRevocations();
        }
        throw fail("jwt.revocation must be none or memory (" + kind + " is not supported by this version)");
    }

    private String text(Map<?, ?> map, String key, String absent) {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String s)) {
            throw fail(key + " must be text");
        }
        return s;
    }

    private long number(Map<?, ?> map, String key, long absent) {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        try {
            long n = value instanceof String s ? Long.parseLong(s.trim()) : ((Number) value).longValue();
            if (n < 0 || (value instanceof Number && !(value instanceof Integer || value instanceof Long))) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException | ClassCastException e) {
            throw fail("jwt." + key + " must be a whole number of at least 0");
        }
    }

    private boolean flag(Map<?, ?> map, String key, boolean absent) {
        Object value = map.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw fail("jwt." + key + " must be true or false");
    }

    private List<String> strings(Map<?, ?> map, String key, List<String> absent) {
        Object value = map.get(key);
        return value == null ? absent : list(value, "jwt." + key);
    }

    /** A YAML list of strings, or (from an init-param) comma-separated text. */
    private List<String> list(Object value, String where) {
        if (value instanceof String s) {
            List<String> items = new ArrayList<>();
            for (String item : s.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return items;
        }
        if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
            List<String> strings = new ArrayList<>();
            items.forEach(item -> strings.add((String) item));
            return strings;
        }
        throw fail(where + " must be a list of strings");
    }

    private ConfigException fail(String problem) {
        return new ConfigException("ClaimGuard configuration " + location + ": " + problem);
    }
}
