package io.claimguard.filter.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;

/**
 * The one JSON reader for token headers, payloads and key sets. Duplicate members are an error
 * (java-jwt keeps the last one, so a second {@code "sub"} could override the first), and depth,
 * string and number lengths are capped so that a hostile document costs little to refuse.
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
     * @throws IOException for anything else: not an object, duplicates, limits, bad syntax;
     *         callers must not pass its message on, it can quote the input
     */
    Map<String, Object> object(byte[] json) throws IOException {
        if (json.length == 0 || firstNonBlank(json) != '{') {
            throw new IOException("not a JSON object");
        }
        Map<String, Object> members = mapper.readValue(json, OBJECT);
        if (members == null) {
            throw new IOException("not a JSON object");
        }
        return members;
    }

    private static byte firstNonBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return 0;
    }
}
