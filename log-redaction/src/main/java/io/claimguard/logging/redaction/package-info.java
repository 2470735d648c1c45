/**
 * Detection and replacement of tokens and personal data in text: one scan per line, cheap triggers,
 * bounded validation around each candidate. Internal to the Logback adapter; not an API.
 */
package io.claimguard.logging.redaction;
