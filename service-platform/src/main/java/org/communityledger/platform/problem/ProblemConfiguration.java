package org.communityledger.platform.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.module.SimpleModule;

/**
 * Makes every error of every service a problem body: the shared handler for what controllers throw, the error
 * path for what the servlet container and Spring Security refuse (before Boot's own error controller is made),
 * and Tomcat's error report for what the connector refuses before any of them.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@Import({ClientProblemHandler.class, ProblemErrorController.class})
public class ProblemConfiguration {

    /** Request bodies' text is plain text: see {@link PlainTextDeserializer}. */
    @Bean
    JsonMapperBuilderCustomizer plainRequestText() {
        return builder -> builder.addModule(new SimpleModule("plain-request-text")
                .addDeserializer(String.class, new PlainTextDeserializer()));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
