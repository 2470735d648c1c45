package io.claimguard.filter;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints tokens from literal JSON text, so tests can send exactly the bytes an attacker would. */
final class Jws {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jws() {
    }

    static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /** header.payload.signature, signed with {@code key} under the JWS algorithm {@code alg}. */
    static String sign(String alg, Key key, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(signature(alg, key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] signature(String alg, Key key, byte[] input) {
        try {
            if (alg.startsWith("HS")) {
                String name = "HmacSHA" + alg.substring(2);
                Mac mac = Mac.getInstance(name);
                mac.init(new SecretKeySpec(key.getEncoded(), name));
                return mac.doFinal(input);
            }
            Signature signer;
            String bits = alg.substring(2);
            if (alg.startsWith("RS")) {
                signer = Signature.getInstance("SHA" + bits + "withRSA");
            } else if (alg.startsWith("PS")) {
                signer = Signature.getInstance("RSASSA-PSS");
                MGF1ParameterSpec mgf = bits.equals("256") ? MGF1ParameterSpec.SHA256
                        : bits.equals("384") ? MGF1ParameterSpec.SHA384 : MGF1ParameterSpec.SHA512;
                signer.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", mgf, Integer.parseInt(bits) / 8, 1));
            } else {
                signer = Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
            }
            signer.initSign((PrivateKey) key);
            signer.update(input);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
