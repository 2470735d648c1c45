package io.claimguard.filter.revocation;

import java.time.Instant;
import java.util.List;

/**
 * What a revocation store holds. Subjects and token ids are only counted: a subject id can be
 * personal data, and a list of token ids helps nobody.
 *
 * @param store          where the store is, such as {@code memory} or
 *                       {@code redis://127.0.0.1:6379/0 (key prefix claimguard:)}; never a password
 * @param globalCutoff   the kill switch: tokens issued before it are denied; null when never used
 * @param revokedKeyIds  the key ids whose tokens are denied, sorted
 * @param subjectCutoffs how many subjects have a cutoff
 * @param revokedTokens  how many single tokens are denied and not yet past their expiry
 */
public record RevocationStatus(String store, Instant globalCutoff, List<String> revokedKeyIds, long subjectCutoffs,
                               long revokedTokens) {
    public RevocationStatus {
        revokedKeyIds = List.copyOf(revokedKeyIds);
    }
}
