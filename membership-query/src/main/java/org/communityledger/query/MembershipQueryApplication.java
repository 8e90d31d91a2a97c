package org.communityledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side: consumes the event topic into PostgreSQL views and serves them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MembershipQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(MembershipQueryApplication.class, args);
    }
}
