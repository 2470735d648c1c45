package io.claimguard.logging.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

/** The shipped IBAN length table against iban4j's, an independent transcription of the same registry. */
class IbanLengthsTest {

    @Test
    void everyLength_agreesWithIban4j() {
        Map<String, String> disagreements = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<String, Integer> entry : Ibans.lengths().entrySet()) {
            CountryCode country = CountryCode.getByCode(entry.getKey());
            if (country == null || !IbanUtil.isSupportedCountry(country)) {
                continue;
            }
            compared++;
            int theirs = IbanUtil.getIbanLength(country);
            if (theirs != entry.getValue()) {
                disagreements.put(entry.getKey(), "ours " + entry.getValue() + ", iban4j " + theirs);
            }
        }
        assertEquals(Map.of(), disagreements);
        assertTrue(compared >= 75, "compared " + compared + " countries");
    }
}
