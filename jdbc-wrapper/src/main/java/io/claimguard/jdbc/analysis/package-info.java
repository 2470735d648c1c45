/**
 * SQL analysis with jsqlparser: which protected columns each statement can reveal, computed once per SQL text.
 * Internal to the driver; not an API.
 */
package io.claimguard.jdbc.analysis;
