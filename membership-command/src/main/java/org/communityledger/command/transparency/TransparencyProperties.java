package org.communityledger.command.transparency;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the transparency log.
 *
 * @param sealInterval   how often settled events are appended as leaves while events are being committed
 *                       (default 1 s)
 * @param idleSealInterval how often the log looks for events when no commit was seen or announced, for a writer
 *                       that did not announce its commit (default 30 s)
 * @param sealBatch      leaves appended per transaction (default 10000)
 * @param signingKey     the checkpoint signing key as a note signer key ({@code PRIVATE+KEY+<name>+<id>+<key>});
 *                       its name is the log's origin. Takes precedence over {@code signingKeyFile}
 * @param signingKeyFile a file holding that key (what {@code ./ledger up} makes under its data directory)
 * @param publish        where checkpoints are published outside the event store
 */
@ConfigurationProperties("ledger.transparency")
record TransparencyProperties(@DefaultValue("1s") Duration sealInterval,
                              @DefaultValue("10000") int sealBatch,
                              String signingKey,
                              Path signingKeyFile,
                              @DefaultValue Publish publish,
                              @DefaultValue("30s") Duration idleSealInterval) {

    /**
     * Publication of checkpoints, each new tree size once, as {@code checkpoint-<size>}.
     *
     * @param directory a directory to write them to, never overwriting a file (point it at write-once storage)
     * @param url       a base URL to PUT them to ({@code <url>/checkpoint-<size>}, text/plain)
     * @param interval  how often the current checkpoint is published when the tree has grown (default 1 min)
     */
    record Publish(Path directory, URI url, @DefaultValue("1m") Duration interval) {
    }
}
