package io.claimguard.filter.token;

/** Where one issuer's verification keys come from. Implementations are thread-safe. */
interface KeySource {
    /**
     * @param keyId the token's {@code kid}, or null when it has none
     * @return the key with that id, never null
     * @throws TokenRejectedException {@link RejectionReason#UNKNOWN_KEY} when there is no such key
     */
    VerificationKey find(String keyId);

    /** Whether this source holds HMAC secrets rather than public keys. */
    boolean symmetric();
}
