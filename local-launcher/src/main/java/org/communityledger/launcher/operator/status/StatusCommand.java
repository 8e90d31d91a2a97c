package org.communityledger.launcher.operator.status;

import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;

/**
 * {@code ./ledger status}: both services' health, the publisher's and the projection's lag, parked records and
 * quarantined communities, in one report; its exit code says whether anything needs the operator.
 */
public final class StatusCommand implements OperatorCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "health, lags, parked records and quarantined communities of both services";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none();
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        SystemStatus status = SystemStatus.read(services);
        terminal.out().print(StatusReport.render(status, services.commandUrl(), services.queryUrl()));
        return status.exitCode();
    }
}
