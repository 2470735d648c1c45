package io.claimguard.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import io.claimguard.filter.token.IssuerKeys;
import io.claimguard.filter.token.TokenVerifier;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A token never seen before, RS256 with a 2048-bit key: {@code javajwt} is java-jwt's own
 * {@code JWTVerifier} (issuer, audience, signature and time claims), {@code claimguard} is
 * {@link TokenVerifier#verify} with its verified-token cache off (size 0), so every call is a
 * full strict verification. Both cycle through the same 256 distinct tokens.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FirstSeenTokenBenchmark {
    private static final int TOKENS = 256;

    @Param({"javajwt", "claimguard"})
    public String verifier;

    private String[] tokens;
    private int next;
    private JWTVerifier javaJwt;
    private TokenVerifier claimGuard;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        KeyPair key = Tokens.rsa();
        tokens = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            tokens[i] = Tokens.rs256(key, i);
        }
        javaJwt = JWT.require(Algorithm.RSA256((RSAPublicKey) key.getPublic())).withIssuer(Tokens.ISSUER)
                .withAudience(Tokens.AUDIENCE).build();
        claimGuard = TokenVerifier.builder()
                .issuer(Tokens.ISSUER, IssuerKeys.publicKeys(Map.of("k1", key.getPublic())), List.of("RS256"))
                .audiences(List.of(Tokens.AUDIENCE))
                .tokenCacheSize(0)
                .build();
        for (String token : tokens) {   // both accept every token, or the comparison means nothing
            javaJwt.verify(token);
            claimGuard.verify(token, null);
        }
    }

    @Benchmark
    public Object verify() {
        String token = tokens[next++ & (TOKENS - 1)];
        return verifier.equals("claimguard") ? claimGuard.verify(token, null) : javaJwt.verify(token);
    }
}
