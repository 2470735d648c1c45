package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each detector through {@code %redact(%msg)%n} with the default options: what it finds, and the
 * look-alikes that logs are full of, which it must leave alone.
 */
class DetectorsTest {

    private static LogCapture log;

    @BeforeAll
    static void pipeline() {
        log = LogCapture.of("redact-msg.xml");
    }

    @AfterAll
    static void close() {
        log.close();
    }

    private static String redact(String message) {
        log.logger().info(message);
        String out = log.take();
        return out.substring(0, out.length() - 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # JWTs: signed, unsigned (alg none), encrypted, at the end of a sentence
        token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX2J5dGVzXzAxMjM0NTY3ODk | token [REDACTED:JWT]
        t=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9. | t=[REDACTED:JWT]
        jwe eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn done | jwe [REDACTED:JWT] done
        expired: eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjF9.sig. | expired: [REDACTED:JWT].
        # not JWTs: no alg in the header, not base64url, two segments
        eyJmb28iOiJiYXIifQ.eyJzdWIiOiJhbGljZSJ9.c2ln | eyJmb28iOiJiYXIifQ.eyJzdWIiOiJhbGljZSJ9.c2ln
        eyJust.some.words | eyJust.some.words
        # Authorization schemes: the scheme word stays
        Authorization: Bearer mF_9.B5f-4.1JqM | Authorization: Bearer [REDACTED:CREDENTIAL]
        curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' https://api | curl -H 'Authorization: Basic [REDACTED:CREDENTIAL]' https://api
        "authorization":"Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b" | "authorization":"Token [REDACTED:CREDENTIAL]"
        sent bearer abcdefghijklmnopqrstuvwxyz to upstream | sent bearer [REDACTED:CREDENTIAL] to upstream
        a Bearer token is required | a Bearer token is required
        WWW-Authenticate: Bearer realm="api" | WWW-Authenticate: Bearer realm="api"
        Basic realm="admin" | Basic realm="admin"
        # secrets by key name, in every shape
        login password=hunter2 ok | login password=[REDACTED:SECRET] ok
        {"user":"jane","password":"p@ss, word"} | {"user":"jane","password":"[REDACTED:SECRET]"}
        {\\"client_secret\\":\\"s3cr3t\\"} | {\\"client_secret\\":\\"[REDACTED:SECRET]\\"}
        GET /cb?code=abc&access_token=ya29.a0Af&state=x | GET /cb?code=abc&access_token=[REDACTED:SECRET]&state=x
        db.password: changeit | db.password: [REDACTED:SECRET]
        X-Api-Key: 0123456789abcdef | X-Api-Key: [REDACTED:SECRET]
        {:api_key => 'k-123'} | {:api_key => '[REDACTED:SECRET]'}
        <credentials>s3cr3t</credentials> | <credentials>[REDACTED:SECRET]</credentials>
        accessToken = "abc def" | accessToken = "[REDACTED:SECRET]"
        password="unterminated and more | password="[REDACTED:SECRET]
        # not secrets: other keys, empty and masked values, comparisons
        max_tokens=100 token_count=3 | max_tokens=100 token_count=3
        password= user=jane | password= user=jane
        password=**** secret=null | password=**** secret=null
        if (token == null) | if (token == null)
        TokenService.java:42 | TokenService.java:42
        # well-known token formats
        key AKIAIOSFODNN7EXAMPLE in use | key [REDACTED:TOKEN] in use
        ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8 | [REDACTED:TOKEN]
        github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | [REDACTED:TOKEN]
        xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx | [REDACTED:TOKEN]
        stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc | stripe [REDACTED:TOKEN]
        AIzaSyA-1234567890abcdefghijklmnopqrstu | [REDACTED:TOKEN]
        pk_live_4eC39HqLyjWDarjtT1zdp7dc is public | pk_live_4eC39HqLyjWDarjtT1zdp7dc is public
        AKIA is a prefix | AKIA is a prefix
        # emails
        mail to jane.doe+tag@example.co.uk. | mail to [REDACTED:EMAIL].
        <JANE_DOE@Example.COM> | <[REDACTED:EMAIL]>
        user@localhost lib@1.2.3 @Override a@b | user@localhost lib@1.2.3 @Override a@b
        reserved and private domains: ann@shop.test bo@corp.internal cy@mail.example | reserved and private domains: [REDACTED:EMAIL] [REDACTED:EMAIL] [REDACTED:EMAIL]
        new and internationalised ones: di@firm.photography ed@xn--bcher-kva.xn--tckwe | new and internationalised ones: [REDACTED:EMAIL] [REDACTED:EMAIL]
        # cards: brands, separators, Luhn
        visa 4111111111111111 | visa [REDACTED:CARD]
        mc 5555 5555 5555 4444 | mc [REDACTED:CARD]
        mc2 2223-0031-2200-3222 | mc2 [REDACTED:CARD]
        amex 3782 822463 10005 | amex [REDACTED:CARD]
        discover 6011111111111117 | discover [REDACTED:CARD]
        jcb 3566002020360505 | jcb [REDACTED:CARD]
        diners 30569309025904 | diners [REDACTED:CARD]
        card 4111 1111 1111 1111 2024 | card [REDACTED:CARD] 2024
        bad luhn 4111111111111112 | bad luhn 4111111111111112
        no brand 1234567812345670 | no brand 1234567812345670
        mixed 4111-1111 1111-1111 | mixed 4111-1111 1111-1111
        # SSNs
        ssn 123-45-6789 | ssn [REDACTED:SSN]
        SSN: 123456789 | SSN: [REDACTED:SSN]
        social security number 123 45 6789 | social security number [REDACTED:SSN]
        id 123456789 | id 123456789
        666-12-3456 000-12-3456 923-12-3456 123-00-4567 123-45-0000 078-05-1120 | 666-12-3456 000-12-3456 923-12-3456 123-00-4567 123-45-0000 078-05-1120
        # phone numbers
        call +1 202-555-0143 now | call [REDACTED:PHONE] now
        uk +44 20 7946 0958 | uk [REDACTED:PHONE]
        fr +33 1 23 45 67 89 | fr [REDACTED:PHONE]
        us (202) 555-0143 | us [REDACTED:PHONE]
        us 202.555.0143 | us [REDACTED:PHONE]
        # IBANs
        iban DE89370400440532013000 | iban [REDACTED:IBAN]
        GB82 WEST 1234 5698 7654 32 | [REDACTED:IBAN]
        FR1420041010050500013M02606 | [REDACTED:IBAN]
        DE89370400440532013001 | DE89370400440532013001
        # PEM private keys, up to the END line (or the end of the text when it is missing)
        key -----BEGIN RSA PRIVATE KEY-----MIIEow-----END RSA PRIVATE KEY----- loaded | key [REDACTED:PRIVATE_KEY] loaded
        Key-----BEGIN EC PRIVATE KEY-----MHcCAQ-----END EC PRIVATE KEY----- | Key[REDACTED:PRIVATE_KEY]
        -----BEGIN PUBLIC KEY-----MIIBIj-----END PUBLIC KEY----- | -----BEGIN PUBLIC KEY-----MIIBIj-----END PUBLIC KEY-----
        # what logs are full of
        req 123e4567-e89b-12d3-a456-426614174000 at 2026-11-29T21:10:51.123Z took 1234 ms | req 123e4567-e89b-12d3-a456-426614174000 at 2026-11-29T21:10:51.123Z took 1234 ms
        trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 | trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        version 1.2.3 build 20261129.1 host 192.168.10.254:8080 epoch 1764450651 ms 1764450651123 | version 1.2.3 build 20261129.1 host 192.168.10.254:8080 epoch 1764450651 ms 1764450651123
        order 1234567890123 invoice INV-2026-000123 duration PT1H30M +0100 | order 1234567890123 invoice INV-2026-000123 duration PT1H30M +0100
        """)
    void detects(String message, String expected) {
        assertEquals(expected, redact(message));
    }
}
