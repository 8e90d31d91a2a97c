package org.communityledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of a service beside a test's own context, on the same PostgreSQL and Kafka, as in a
 * group of instances in production. Settings are passed as arguments: default properties would lose to the
 * service's application.yml.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts {@code application} with the local profile on a free port; {@code settings} as "name=value". */
    public static SecondInstance start(Class<?> application, EmbeddedPostgres database, String bootstrapServers,
                                       String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // The local profile's accounts load on loopback only.
                "--server.address=127.0.0.1",
                // The service's own database role, as in the test's own context.
                "--spring.datasource.url=" + EmbeddedPostgresConfiguration.jdbcUrl(database),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SecondInstance(new SpringApplicationBuilder(application).profiles("local")
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        // Spring Boot publishes the port its web server took as this property.
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
