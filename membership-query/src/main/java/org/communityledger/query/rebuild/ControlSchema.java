package org.communityledger.query.rebuild;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value #NAME} schema, beside the views: state shared by the query instances that must survive a
 * rebuild's swap. Migrated by Flyway right after the views' own migrations, from {@code db/control}.
 */
@Configuration(proxyBeanMethods = false)
class ControlSchema {

    static final String NAME = "projection_control";

    @Bean
    FlywayMigrationStrategy viewsThenControl(DataSource dataSource) {
        return views -> {
            views.migrate();
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(NAME)
                    .defaultSchema(NAME)
                    .locations("classpath:db/control")
                    .load()
                    .migrate();
        };
    }
}
