package io.claimguard.filter.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one JSON reader for token headers, payloads and key sets. Duplicate members are an error
 * (java-jwt keeps the last one, so a second {@code "sub"} could override the first), and depth,
 * string and number lengths are capped so that a hostile document costs little to refuse.
 *
 * <p>The bytes must be well-formed UTF-8 (RFC 8259 section 8.1), checked by the JDK's decoder
 * before any JSON is read: Jackson's byte parser accepts overlong forms and encoded surrogates,
 * so a claim could hold a character that the issuer never signed as that character.
 */
final class StrictJson {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    StrictJson(int maxDepth, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(256)
                        .maxNumberLength(40)
                        .build())
                .build();
        mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * @return the members of a JSON object
     * @throws CharacterCodingException when the bytes are not well-formed UTF-8
     * @throws IOException for anything else: not an object, duplicates, limits, bad syntax;
     *         callers must not pass its message on, it can quote the input
     */
    Map<String, Object> object(byte[] json) throws IOException {
        String text = strictUtf8(json);
        if (firstNonBlank(text) != '{') {
            throw new IOException("not a JSON object");
        }
        Map<String, Object> members = mapper.readValue(text, OBJECT);
        if (members == null) {
            throw new IOException("not a JSON object");
        }
        return members;
    }

    /** Malformed input is an error, never a replacement character. */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static char firstNonBlank(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c;
            }
        }
        return 0;
    }
}
