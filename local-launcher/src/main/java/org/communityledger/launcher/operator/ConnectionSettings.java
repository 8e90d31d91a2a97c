package org.communityledger.launcher.operator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.communityledger.client.Credentials;
import org.communityledger.launcher.LaunchException;
import org.communityledger.launcher.LaunchSettings;

/**
 * Where the services are and who the operator speaks as. Options win over the environment, which wins over
 * the defaults of {@code ./ledger up}: its ports ({@code LEDGER_COMMAND_PORT}, {@code LEDGER_QUERY_PORT}) and
 * the local profile's accounts, admin/admin for the admin and metrics calls and auditor/auditor for the audit
 * calls. A token, or a user with a password, replaces both accounts.
 *
 * @param admin   for the query service's admin API and both services' metrics
 * @param auditor for the audit API and the views it lists communities from
 */
public record ConnectionSettings(String commandUrl, String queryUrl, Credentials admin, Credentials auditor) {

    public static final String COMMAND_URL = "--command-url";
    public static final String QUERY_URL = "--query-url";
    public static final String USER = "--user";
    public static final String PASSWORD = "--password";
    public static final String TOKEN = "--token";

    /** The options every command takes. */
    public static final Syntax SYNTAX = Syntax.none().withValues(COMMAND_URL, QUERY_URL, USER, PASSWORD, TOKEN);

    public static ConnectionSettings resolve(ParsedArguments arguments, Map<String, String> env) {
        LaunchSettings ports;
        try {
            ports = LaunchSettings.fromEnvironment(Path.of(""), env);
        } catch (LaunchException e) {
            throw new UsageException(e.getMessage());
        }
        String commandUrl = url(arguments, COMMAND_URL, env, "LEDGER_COMMAND_URL", ports.commandPort());
        String queryUrl = url(arguments, QUERY_URL, env, "LEDGER_QUERY_URL", ports.queryPort());
        Optional<Credentials> chosen = credentials(arguments, env);
        return new ConnectionSettings(commandUrl, queryUrl,
                chosen.orElse(Credentials.basic("admin", "admin")),
                chosen.orElse(Credentials.basic("auditor", "auditor")));
    }

    private static String url(ParsedArguments arguments, String option, Map<String, String> env, String variable,
                              int localPort) {
        String url = arguments.value(option).or(() -> nonBlank(env.get(variable)))
                .orElse("http://127.0.0.1:" + localPort);
        if (!url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new UsageException(option + " (or " + variable + ") must be an http(s) URL such as "
                    + "http://127.0.0.1:" + localPort + ", not '" + url + "'");
        }
        return url;
    }

    /**
     * The command line decides if it names a token or a user; otherwise the environment does, a token before a
     * user; otherwise the local accounts (empty).
     */
    private static Optional<Credentials> credentials(ParsedArguments arguments, Map<String, String> env) {
        Optional<String> token = arguments.value(TOKEN);
        Optional<String> user = arguments.value(USER);
        if (token.isPresent() && user.isPresent()) {
            throw new UsageException("give " + TOKEN + " or " + USER + ", not both");
        }
        if (token.isEmpty() && user.isEmpty()) {
            token = nonBlank(env.get("LEDGER_TOKEN"));
            user = token.isPresent() ? Optional.empty() : nonBlank(env.get("LEDGER_USER"));
        }
        if (token.isPresent()) {
            return token.map(Credentials::bearer);
        }
        if (user.isPresent()) {
            return Optional.of(Credentials.basic(user.get(), password(arguments, env, user.get())));
        }
        if (arguments.value(PASSWORD).isPresent()) {
            throw new UsageException(PASSWORD + " needs " + USER);
        }
        return Optional.empty();
    }

    private static String password(ParsedArguments arguments, Map<String, String> env, String user) {
        return arguments.value(PASSWORD).or(() -> Optional.ofNullable(env.get("LEDGER_PASSWORD")))
                .orElseThrow(() -> new UsageException("the user " + user + " needs a password: " + PASSWORD
                        + " or LEDGER_PASSWORD"));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank()).map(String::strip);
    }
}
