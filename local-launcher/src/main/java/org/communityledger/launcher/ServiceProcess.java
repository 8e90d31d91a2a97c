package org.communityledger.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of one of the two Spring Boot services, run from its executable jar with its connections in
 * the environment; in a cluster with the {@code cluster} profile, which requires replicated topics.
 */
final class ServiceProcess implements AutoCloseable {

    /** Enough for Spring Boot's "APPLICATION FAILED TO START" block and the exception above it. */
    private static final int LOG_LINES_IN_FAILURE = 40;

    private final ChildProcess process;
    private final int port;

    private ServiceProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param databaseAccount the database role it connects as ({@link DatabaseRoles}), in its environment
     * @param instance 0 for the first instance, whose process is named after the module (as before clusters
     *                 existed); "-2" is appended for the second
     */
    static ServiceProcess start(String module, Map<String, String> databaseAccount, int instance, int port,
                                LaunchSettings settings) {
        Path jar = executableJar(settings.home(), module);
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        // This machine only: the local profile's accounts refuse to load on any other address.
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SPRING_PROFILES_ACTIVE", settings.cluster() ? "local,cluster" : "local");
        environment.put("SPRING_DATASOURCE_URL", settings.jdbcUrl());
        environment.putAll(databaseAccount);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        if (settings.kafkaSecured()) {
            // Each service signs in to Kafka as its own account, which may do only what KafkaAcls grants it.
            String account = module.equals(LocalSystem.COMMAND_MODULE) ? KafkaAccounts.COMMAND_SERVICE
                    : KafkaAccounts.QUERY_SERVICE;
            Map<String, String> signIn = KafkaAccounts.of(settings.dataDir()).clientProperties(account);
            environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", signIn.get("security.protocol"));
            environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", signIn.get("sasl.mechanism"));
            environment.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", signIn.get("sasl.jaas.config"));
        }
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // Every command instance signs the transparency log's checkpoints with the same key, kept with the data.
        environment.put("LEDGER_TRANSPARENCY_SIGNING_KEY_FILE", CheckpointKey.ensure(settings.dataDir()).toString());
        environment.put("LEDGER_TRANSPARENCY_PUBLISH_DIRECTORY", settings.dataDir().resolve("checkpoints").toString());
        // The query side applies only records signed by that key: it is given the public half.
        environment.put("LEDGER_EVENTS_VERIFIER_KEY", CheckpointKey.verifierKey(settings.dataDir()));
        ChildProcess child = ChildProcess.start(name(module, instance), List.of(
                JavaRuntime.executable(),
                "-Xms64m", "-Xmx320m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dledger.data-dir=" + settings.dataDir(),
                "-jar", jar.toString()), environment, settings);
        return new ServiceProcess(child, port);
    }

    static String name(String module, int instance) {
        return instance == 0 ? module : module + "-" + (instance + 1);
    }

    /** Waits until the service's health endpoint answers UP: its database and Kafka are reachable. */
    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.process().isAlive()) {
                throw new LaunchException(process.name() + " exited with code " + process.process().exitValue()
                        + " while starting; see " + process.logFile() + ". Its log ends:" + System.lineSeparator()
                        + process.logTail(LOG_LINES_IN_FAILURE));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + process.name(), e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(process.name() + " was not healthy within " + timeout + "; see "
                        + process.logFile() + ". Its log ends:" + System.lineSeparator()
                        + process.logTail(LOG_LINES_IN_FAILURE));
            }
            Pause.briefly();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return process.logFile();
    }

    /** SIGKILL: the service dies mid-request, mid-transaction, mid-publish. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static Path executableJar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // fall through to the message below
        }
        throw new LaunchException("no executable jar of " + module + " in " + target
                + "; build first: ./mvnw -DskipTests package");
    }
}
