package org.communityledger.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka accounts of a local cluster, which authenticates every client (SASL PLAIN) and lets each do only what
 * its ACLs allow ({@link KafkaAcls}): the operator (the nodes among themselves, the launcher and the fault and
 * bench tools), the command service (the only account that may write the events topic) and the query service.
 * Their passwords are made once under the data directory's {@code keys/}, readable by its owner only.
 *
 * <p>PLAIN sends the password in clear: acceptable here, where every listener is on 127.0.0.1; a deployment
 * across machines puts TLS under it (SASL_SSL, docs/deploy.md).
 */
public final class KafkaAccounts {

    static final String OPERATOR = "ledger_operator";
    static final String COMMAND_SERVICE = "ledger_command";
    static final String QUERY_SERVICE = "ledger_query";
    private static final List<String> NAMES = List.of(OPERATOR, COMMAND_SERVICE, QUERY_SERVICE);

    private final Properties passwords;

    private KafkaAccounts(Properties passwords) {
        this.passwords = passwords;
    }

    /**
     * The accounts kept under this data directory, made now if there are none. Synchronized: the nodes of a
     * cluster start on threads of their own, and each reads the accounts.
     */
    public static synchronized KafkaAccounts of(Path dataDir) {
        Path file = dataDir.resolve("keys").resolve("kafka-accounts.properties");
        if (!Files.exists(file)) {
            create(file);
        }
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            passwords.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka accounts " + file, e);
        }
        for (String name : NAMES) {
            if (passwords.getProperty(name, "").isBlank()) {
                throw new LaunchException("the Kafka accounts file " + file + " has no password for " + name
                        + "; delete it to have new ones made (the cluster's nodes read them at every start)");
            }
        }
        return new KafkaAccounts(passwords);
    }

    private static void create(Path file) {
        Properties passwords = new Properties();
        SecureRandom random = new SecureRandom();
        for (String name : NAMES) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            // URL-safe base64: no quote or backslash, so it sits in a JAAS line as it is.
            passwords.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        try {
            Files.createDirectories(file.getParent());
            // Written aside and moved into place, so that nobody ever reads half a file.
            Path written = Files.createTempFile(file.getParent(), "kafka-accounts", ".tmp");
            restrictToOwner(written);
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                passwords.store(writer, "Kafka SASL/PLAIN accounts of the local cluster: secrets");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka accounts " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions are what protect it.
        }
    }

    /** The client settings that sign in as this account: security protocol, mechanism and JAAS line. */
    public Map<String, String> clientProperties(String account) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", jaasLine(account, password(account), ""));
    }

    /**
     * The broker side of PLAIN for a listener: the accounts it accepts, and the operator's own sign-in for the
     * connections the node itself opens on that listener (to the other nodes and the controllers).
     *
     * @param names the accounts the listener accepts
     */
    String listenerJaasLine(List<String> names) {
        StringBuilder users = new StringBuilder();
        for (String name : names) {
            users.append(" user_").append(name).append("=\"").append(password(name)).append('"');
        }
        return jaasLine(OPERATOR, password(OPERATOR), users.toString());
    }

    private static String jaasLine(String username, String password, String users) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                + "\" password=\"" + password + "\"" + users + ";";
    }

    private String password(String account) {
        String password = passwords.getProperty(account);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka account " + account);
        }
        return password;
    }

    static List<String> names() {
        return NAMES;
    }
}
