/**
 * Logback integration of ClaimGuard's log redaction: {@link io.claimguard.logging.RedactingConverter}
 * ({@code %redact(...)}) for a pattern, {@link io.claimguard.logging.RedactingLayout} and
 * {@link io.claimguard.logging.RedactingEncoder} for a whole formatted line.
 *
 * <p>Options are {@code name=value} strings, given in braces after the converter
 * ({@code %redact(%msg %X%n%ex){style=partial, keys=pin|otp}}) or as {@code <option>} elements of
 * the layout or encoder. They are listed in
 * {@link io.claimguard.logging.redaction.Redactor.Builder}.
 */
package io.claimguard.logging;
