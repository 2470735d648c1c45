/**
 * The protection a database's own objects add to a policy: view columns that derive from protected
 * columns, and user-defined routines that read them, read from the database's catalog.
 * Internal to the driver; not an API.
 */
package io.claimguard.jdbc.catalog;
