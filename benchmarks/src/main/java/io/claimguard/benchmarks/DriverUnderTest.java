package io.claimguard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The JDBC stacks compared, each on its own in-memory H2 database (same schema, same rows) in
 * the same JVM. The {@code @Param} value of a benchmark is the constant's name in lower case.
 */
enum DriverUnderTest {
    /** H2's own driver: the baseline every ratio is against. */
    RAW("jdbc:h2:mem:", false),
    /** p6spy's wrappers ({@code spy.properties}: logging module off). */
    P6SPY("jdbc:p6spy:h2:mem:", false),
    /** ClaimGuard under {@code benchmark.yaml}, for a subject who may not see the two columns. */
    CLAIMGUARD("jdbc:claimguard:h2:mem:", true),
    /** ShardingSphere-JDBC's mask rule ({@code shardingsphere-mask.yaml}) over an H2 DataSource. */
    SHARDINGSPHERE(null, true) {
        @Override
        OwningConnection connect(String database) throws SQLException {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(h2Url(database));
            DataSource sharding;
            try (InputStream yaml = DriverUnderTest.class.getResourceAsStream("/shardingsphere-mask.yaml")) {
                if (yaml == null) {
                    throw new IllegalStateException("shardingsphere-mask.yaml is not on the classpath");
                }
                sharding = YamlShardingSphereDataSourceFactory.createDataSource(Map.of("ds", h2), yaml.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new OwningConnection(sharding.getConnection(), (AutoCloseable) sharding);
        }
    };

    static {
        // Read by ClaimGuard on its first connection.
        System.setProperty("claimguard.config", "classpath:benchmark.yaml");
    }

    private final String urlPrefix;
    private final boolean masks;

    DriverUnderTest(String urlPrefix, boolean masks) {
        this.urlPrefix = urlPrefix;
        this.masks = masks;
    }

    static DriverUnderTest of(String param) {
        return valueOf(param.toUpperCase(Locale.ROOT));
    }

    /** Whether this stack masks the protected table's two columns. */
    boolean masks() {
        return masks;
    }

    /** The database every stack's rows live in: one per stack, kept until the JVM exits. */
    static String h2Url(String database) {
        return "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    }

    /** A connection through this stack to the (already filled) database. */
    OwningConnection connect(String database) throws SQLException {
        return new OwningConnection(DriverManager.getConnection(urlPrefix + database + ";DB_CLOSE_DELAY=-1"), () -> { });
    }
}
