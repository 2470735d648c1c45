package io.claimguard.jdbc.mask;

import java.sql.NClob;
import java.sql.SQLException;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/** Masked values as the JDK's in-memory large objects, for getClob, getNClob and getBlob. */
final class MaskedLob {
    private MaskedLob() {
    }

    /** A character LOB; also an {@link NClob}, which adds nothing to a Clob's methods. */
    static NClob characters(String text) {
        try {
            return new Characters(text.toCharArray());
        } catch (SQLException e) {
            throw new IllegalStateException("an in-memory Clob refused its text", e);
        }
    }

    static SerialBlob bytes(byte[] bytes) {
        try {
            return new SerialBlob(bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("an in-memory Blob refused its bytes", e);
        }
    }

    private static final class Characters extends SerialClob implements NClob {
        private static final long serialVersionUID = 1L;

        Characters(char[] text) throws SQLException {
            super(text);
        }
    }
}
