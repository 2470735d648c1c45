/**
 * The {@code jdbc} section of the configuration: protected columns, their rules, and how each database compares names.
 * Internal to the driver; not an API.
 */
package io.claimguard.jdbc.policy;
