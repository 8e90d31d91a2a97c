package org.communityledger.launcher.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.communityledger.client.Credentials;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static ConnectionSettings resolve(List<String> arguments, Map<String, String> env) {
        return ConnectionSettings.resolve(CommandLine.parse(arguments, ConnectionSettings.SYNTAX), env);
    }

    @Test
    void defaultsToTheLocalSystemAndItsAccounts() {
        ConnectionSettings settings = resolve(List.of(), Map.of());

        assertThat(settings.commandUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.queryUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.admin()).isEqualTo(Credentials.basic("admin", "admin"));
        assertThat(settings.auditor()).isEqualTo(Credentials.basic("auditor", "auditor"));
    }

    @Test
    void followsThePortsLedgerUpWasToldToUse() {
        ConnectionSettings settings = resolve(List.of(), Map.of("LEDGER_COMMAND_PORT", "9080",
                "LEDGER_QUERY_PORT", "9081"));

        assertThat(settings.commandUrl()).isEqualTo("http://127.0.0.1:9080");
        assertThat(settings.queryUrl()).isEqualTo("http://127.0.0.1:9081");
    }

    @Test
    void optionsWinOverTheEnvironmentWhichWinsOverPorts() {
        Map<String, String> env = Map.of("LEDGER_COMMAND_URL", "https://command.example.edu.cn",
                "LEDGER_QUERY_URL", "https://query.example.edu.cn", "LEDGER_QUERY_PORT", "9081");

        ConnectionSettings settings = resolve(List.of("--query-url", "http://10.0.0.5:8081"), env);

        assertThat(settings.commandUrl()).isEqualTo("https://command.example.edu.cn");
        assertThat(settings.queryUrl()).isEqualTo("http://10.0.0.5:8081");
    }

    @Test
    void aUserSpeaksForEveryCall() {
        ConnectionSettings settings = resolve(List.of("--user", "ops", "--password", "s3cret"), Map.of());

        assertThat(settings.admin()).isEqualTo(Credentials.basic("ops", "s3cret"));
        assertThat(settings.auditor()).isEqualTo(Credentials.basic("ops", "s3cret"));
    }

    @Test
    void theEnvironmentsUserTakesItsPasswordFromTheEnvironment() {
        ConnectionSettings settings = resolve(List.of(), Map.of("LEDGER_USER", "ops", "LEDGER_PASSWORD", "pw"));

        assertThat(settings.admin()).isEqualTo(Credentials.basic("ops", "pw"));
    }

    @Test
    void aTokenBeatsAUserInTheEnvironmentButNotOnTheCommandLine() {
        Map<String, String> env = Map.of("LEDGER_TOKEN", "eyJ.env", "LEDGER_USER", "ops", "LEDGER_PASSWORD", "pw");

        assertThat(resolve(List.of(), env).admin()).isEqualTo(Credentials.bearer("eyJ.env"));
        assertThat(resolve(List.of("--user", "alice", "--password", "x"), env).admin())
                .isEqualTo(Credentials.basic("alice", "x"));
        assertThat(resolve(List.of("--token", "eyJ.option"), env).auditor())
                .isEqualTo(Credentials.bearer("eyJ.option"));
    }

    @Test
    void refusesCredentialsThatDoNotMakeSense() {
        assertThatThrownBy(() -> resolve(List.of("--user", "ops"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a password");
        assertThatThrownBy(() -> resolve(List.of("--token", "t", "--user", "ops"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("give --token or --user, not both");
        assertThatThrownBy(() -> resolve(List.of("--password", "pw"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("--password needs --user");
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> resolve(List.of("--command-url", "127.0.0.1:8080"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--command-url (or LEDGER_COMMAND_URL)");
        assertThatThrownBy(() -> resolve(List.of(), Map.of("LEDGER_QUERY_PORT", "eighty")))
                .isInstanceOf(UsageException.class).hasMessageContaining("LEDGER_QUERY_PORT");
    }
}
