package org.communityledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL for a test context: the zonky binaries from Maven Central, started on a free port.
 * Its lifecycle is tied to the Spring bean, so it stops after the pool that uses it has closed; the
 * service's own datasource settings (pool, schema) still apply, only the address comes from here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties(EmbeddedPostgres embeddedPostgres) {
        return registry -> {
            registry.add("spring.datasource.url", () -> embeddedPostgres.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        };
    }
}
