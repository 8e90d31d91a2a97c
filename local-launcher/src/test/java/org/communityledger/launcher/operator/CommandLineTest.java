package org.communityledger.launcher.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Syntax REPLAY = Syntax.none().withValues("--community").withFlags("--all").withPositionals(1);

    @Test
    void readsOptionsWithASpaceOrAnEqualsSign() {
        ParsedArguments arguments = CommandLine.parse(List.of("--community", "c-1", "--all"), REPLAY);
        ParsedArguments joined = CommandLine.parse(List.of("--community=c-1"), REPLAY);

        assertThat(arguments.value("--community")).hasValue("c-1");
        assertThat(arguments.flag("--all")).isTrue();
        assertThat(joined.value("--community")).hasValue("c-1");
        assertThat(joined.flag("--all")).isFalse();
    }

    @Test
    void aValueMayStartWithADashOrContainEqualsSigns() {
        Syntax discard = Syntax.none().withValues("--reason").withPositionals(1);

        ParsedArguments arguments = CommandLine.parse(List.of("13", "--reason", "-- a=b --all"), discard);

        assertThat(arguments.value("--reason")).hasValue("-- a=b --all");
        assertThat(arguments.positionals()).containsExactly("13");
    }

    @Test
    void takesPlainArgumentsAnywhereAndAfterADoubleDash() {
        Syntax verify = Syntax.none().withPositionals(Syntax.ANY_NUMBER);

        ParsedArguments arguments = CommandLine.parse(List.of("a", "--", "--b", "-c"), verify);

        assertThat(arguments.positionals()).containsExactly("a", "--b", "-c");
    }

    @Test
    void refusesAnUnknownOptionRatherThanTakingItForAnId() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("12", "--al"), REPLAY))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --al");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--community"), REPLAY))
                .isInstanceOf(UsageException.class).hasMessage("--community needs a value");
    }

    @Test
    void refusesAnOptionGivenTwice() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--community", "a", "--community=b"), REPLAY))
                .isInstanceOf(UsageException.class).hasMessage("--community is given twice");
    }

    @Test
    void refusesAValueForAFlag() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--all=yes"), REPLAY))
                .isInstanceOf(UsageException.class).hasMessage("--all takes no value");
    }

    @Test
    void refusesMorePlainArgumentsThanTheCommandTakes() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("12", "13"), REPLAY))
                .isInstanceOf(UsageException.class).hasMessage("too many arguments: 12 13");
        assertThatThrownBy(() -> CommandLine.parse(List.of("now"), Syntax.none()))
                .isInstanceOf(UsageException.class).hasMessage("takes no arguments, not 'now'");
    }

    @Test
    void aCommandsSyntaxAndTheConnectionsTogether() {
        ParsedArguments arguments = CommandLine.parse(List.of("--all", "--query-url", "http://q:1"),
                REPLAY.and(ConnectionSettings.SYNTAX));

        assertThat(arguments.value(ConnectionSettings.QUERY_URL)).hasValue("http://q:1");
        assertThat(arguments.flag("--all")).isTrue();
    }
}
