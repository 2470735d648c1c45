/**
 * The masking JDBC driver. The public API is {@link io.claimguard.jdbc.ClaimGuardDriver} (URLs
 * {@code jdbc:claimguard:<target>}) and {@link io.claimguard.jdbc.ClaimGuardDataSource}; the
 * wrappers are package-private. {@code Guarded*} and {@code MaskingResultSet} hold the behaviour;
 * the generated {@code Delegating*} leaves complete them with plain delegation.
 *
 * <p>The subpackages {@code policy}, {@code mask}, {@code analysis} and {@code catalog} are
 * internal: public only so that this package can use them, and free to change.
 */
package io.claimguard.jdbc;
