package io.claimguard.filter.token;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keys given at startup: PEM public keys with their ids, or one HMAC secret. */
final class FixedKeys implements KeySource {
    private final Map<String, VerificationKey> byId;
    private final VerificationKey only;
    private final boolean symmetric;

    FixedKeys(List<VerificationKey> keys, boolean symmetric) {
        this.byId = keys.stream().filter(k -> k.keyId() != null)
                .collect(Collectors.toUnmodifiableMap(VerificationKey::keyId, Function.identity()));
        this.only = keys.size() == 1 ? keys.get(0) : null;
        this.symmetric = symmetric;
    }

    @Override
    public VerificationKey find(String keyId) {
        // A token without kid can only mean the one key there is; with several, guessing would
        // let any of them verify it.
        VerificationKey key = keyId == null ? only : byId.get(keyId);
        if (key == null && keyId != null && only != null && only.keyId() == null) {
            key = only;
        }
        if (key == null) {
            throw new TokenRejectedException(RejectionReason.UNKNOWN_KEY);
        }
        return key;
    }

    @Override
    public boolean symmetric() {
        return symmetric;
    }
}
