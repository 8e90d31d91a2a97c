package org.communityledger.launcher.operator.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.communityledger.client.rebuild.RebuildState;
import org.communityledger.client.rebuild.RebuildStatus;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    static RebuildStatus status(RebuildState state, long applied, long lag, Long eta) {
        return new RebuildStatus(state, Instant.parse("2026-11-30T10:00:00Z"), null, applied, 2100.4, applied,
                Map.of(0, lag), lag, eta, null);
    }

    @Test
    void showsTheShareDoneTheRateWhatIsLeftAndTheEta() {
        assertThat(ProgressBar.render(status(RebuildState.BUILDING, 4_000, 6_000, 185L))).isEqualTo(
                "BUILDING     [############------------------]  40%  4,000 applied  2,100/s  6,000 to go  ETA 3 min 05 s");
    }

    @Test
    void anEtaNotYetKnownIsAQuestionMark() {
        assertThat(ProgressBar.render(status(RebuildState.BUILDING, 0, 0, null)))
                .startsWith("BUILDING     [------------------------------]   0%")
                .endsWith("ETA ?");
    }

    @Test
    void aSwitchedRebuildIsFullWhateverItsCounts() {
        assertThat(ProgressBar.render(status(RebuildState.SWITCHED, 130, 0, 0L)))
                .startsWith("SWITCHED     [##############################] 100%  130 applied")
                .endsWith("ETA -");
    }

    @Test
    void neverDrawsPastItsWidth() {
        RebuildStatus odd = new RebuildStatus(RebuildState.CATCHING_UP, null, null, 10, 0, 10, Map.of(), -5, 1L,
                null);

        assertThat(ProgressBar.render(odd)).startsWith("CATCHING_UP  [##############################] 100%");
    }
}
