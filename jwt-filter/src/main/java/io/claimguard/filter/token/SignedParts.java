package io.claimguard.filter.token;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The three base64url texts of a token, as java-jwt's {@code Algorithm.verify} reads them: it
 * signs over {@code header + "." + payload} and decodes {@code signature}, nothing else. The
 * header and claims were already parsed by {@link StrictJson}; handing java-jwt its own lenient
 * parse ({@code JWT.decode}: duplicate members, last one wins) would only add a second opinion
 * on the same bytes, so the claim accessors are not offered.
 */
final class SignedParts implements DecodedJWT {
    private final String header;
    private final String payload;
    private final String signature;
    private final byte[] headerJson;
    private final byte[] payloadJson;
    private final byte[] signatureBytes;

    /** The base64url texts, and each already decoded (canonically) by the caller. */
    SignedParts(String header, String payload, String signature, byte[] headerJson, byte[] payloadJson,
                byte[] signatureBytes) {
        this.header = header;
        this.payload = payload;
        this.signature = signature;
        this.headerJson = headerJson;
        this.payloadJson = payloadJson;
        this.signatureBytes = signatureBytes;
    }

    /** The decoded header; shared, not copied, like the other decoded parts: callers only read them. */
    byte[] headerJson() {
        return headerJson;
    }

    byte[] payloadJson() {
        return payloadJson;
    }

    byte[] signatureBytes() {
        return signatureBytes;
    }

    /** {@code header.payload} as ASCII, what every JWS algorithm signs. */
    byte[] signingInput() {
        return (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String getHeader() {
        return header;
    }

    @Override
    public String getPayload() {
        return payload;
    }

    @Override
    public String getSignature() {
        return signature;
    }

    /** java-jwt asks a key provider by kid; the key was chosen by issuer already, so there is none to give. */
    @Override
    public String getKeyId() {
        return null;
    }

    @Override
    public String getToken() {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getAlgorithm() {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getType() {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getContentType() {
        throw claimsAreNotReadHere();
    }

    @Override
    public Claim getHeaderClaim(String name) {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getIssuer() {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getSubject() {
        throw claimsAreNotReadHere();
    }

    @Override
    public List<String> getAudience() {
        throw claimsAreNotReadHere();
    }

    @Override
    public Date getExpiresAt() {
        throw claimsAreNotReadHere();
    }

    @Override
    public Date getNotBefore() {
        throw claimsAreNotReadHere();
    }

    @Override
    public Date getIssuedAt() {
        throw claimsAreNotReadHere();
    }

    @Override
    public String getId() {
        throw claimsAreNotReadHere();
    }

    @Override
    public Claim getClaim(String name) {
        throw claimsAreNotReadHere();
    }

    @Override
    public Map<String, Claim> getClaims() {
        throw claimsAreNotReadHere();
    }

    private static UnsupportedOperationException claimsAreNotReadHere() {
        return new UnsupportedOperationException("header and claims are read by the strict parser only");
    }

    @Override
    public String toString() {
        return "SignedParts";   // never the token
    }
}
