package io.claimguard.filter.revocation;

/**
 * The names of everything a {@link RedisRevocations} keeps in Redis, all under one prefix. An
 * issuer and a value are joined as {@code <length of issuer>:<issuer><value>}, so that no two
 * pairs give one name whatever characters they hold.
 *
 * <pre>
 * PREFIX all                     string: the global cutoff, epoch milliseconds
 * PREFIX kids                    set: revoked key ids
 * PREFIX subjects                hash: issuer+subject to a cutoff, epoch milliseconds
 * PREFIX token:ISSUER+JTI        string: a revoked token, expiring after its exp
 * PREFIX use:addresses:ISSUER+JTI set: client addresses seen in the current window
 * PREFIX use:requests:ISSUER+JTI  string: requests counted in the current window
 * PREFIX use:reported:ISSUER+JTI  string: misuse already reported in this window
 * PREFIX revoked                 pub/sub channel: a revocation happened
 * </pre>
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String globalCutoff() {
        return prefix + "all";
    }

    String keyIds() {
        return prefix + "kids";
    }

    String subjectCutoffs() {
        return prefix + "subjects";
    }

    String token(String issuer, String tokenId) {
        return prefix + "token:" + pair(issuer, tokenId);
    }

    /** A SCAN pattern matching every token entry; the prefix holds no pattern characters. */
    String tokenPattern() {
        return prefix + "token:*";
    }

    String addresses(String issuer, String tokenId) {
        return prefix + "use:addresses:" + pair(issuer, tokenId);
    }

    String requests(String issuer, String tokenId) {
        return prefix + "use:requests:" + pair(issuer, tokenId);
    }

    String reported(String issuer, String tokenId) {
        return prefix + "use:reported:" + pair(issuer, tokenId);
    }

    String channel() {
        return prefix + "revoked";
    }

    /** The field of {@link #subjectCutoffs()} for one subject of one issuer. */
    static String pair(String issuer, String value) {
        return issuer.length() + ":" + issuer + value;
    }
}
