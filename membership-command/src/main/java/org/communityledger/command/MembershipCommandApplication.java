package org.communityledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The command side: accepts commands, records events in PostgreSQL, publishes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MembershipCommandApplication {

    public static void main(String[] args) {
        // Axon's update checker calls the vendor over the network; this product never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(MembershipCommandApplication.class, args);
    }
}
