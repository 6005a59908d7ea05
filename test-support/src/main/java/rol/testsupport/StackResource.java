package rol.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: real PostgreSQL and Kafka from {@code ./stack}, fresh for each module's test run.
 * Init argument {@code database} names the service's database.
 */
public class StackResource implements QuarkusTestResourceLifecycleManager {

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestStack.MODULE.upFresh("postgres", "kafka");
        return Map.of(
                "quarkus.datasource.jdbc.url", TestStack.MODULE.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "kafka.bootstrap.servers", TestStack.MODULE.kafkaBootstrap());
    }

    @Override
    public void stop() {
        TestStack.MODULE.down("kafka", "postgres");
    }
}
