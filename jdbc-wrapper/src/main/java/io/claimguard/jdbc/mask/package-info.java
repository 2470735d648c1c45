/**
 * Masks: what a caller without access is shown instead of a protected value, in the column's own type.
 * Internal to the driver; not an API.
 */
package io.claimguard.jdbc.mask;
