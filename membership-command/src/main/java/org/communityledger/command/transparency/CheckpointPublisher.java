package org.communityledger.command.transparency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.communityledger.command.transparency.TransparencyLog.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes each new checkpoint outside the event store, once per tree size, as {@code checkpoint-<size>}: to a
 * directory (created, never overwritten: a file already there must say the same, else it is an alarm) and/or
 * with an HTTP PUT. Signing is deterministic, so two instances publishing the same size write the same bytes.
 */
@Component
class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final TransparencyLog transparencyLog;
    private final SigningKey signer;
    private final TransparencyProperties.Publish settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long publishedSize = -1;

    CheckpointPublisher(TransparencyLog transparencyLog, SigningKey signer, TransparencyProperties properties) {
        this.transparencyLog = transparencyLog;
        this.signer = signer;
        this.settings = properties.publish();
    }

    @Scheduled(fixedDelayString = "${ledger.transparency.publish.interval:1m}", initialDelay = 5_000)
    void publishOnSchedule() {
        if (!signer.configured() || (settings.directory() == null && settings.url() == null)) {
            return;
        }
        try {
            publish();
        } catch (IOException | RuntimeException e) {
            log.error("The current checkpoint could not be published; the next attempt is in {}", settings.interval(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes the current checkpoint unless this size was published already. */
    synchronized void publish() throws IOException, InterruptedException {
        SignedCheckpoint checkpoint = transparencyLog.checkpoint();
        if (checkpoint.size() == publishedSize || checkpoint.size() == 0) {
            return;
        }
        String name = "checkpoint-" + checkpoint.size();
        if (settings.directory() != null) {
            writeOnce(settings.directory().resolve(name), checkpoint.note());
        }
        if (settings.url() != null) {
            put(URI.create(settings.url().toString().replaceAll("/+$", "") + "/" + name), checkpoint.note());
        }
        publishedSize = checkpoint.size();
        log.info("Published the checkpoint of {} leaves as {}", checkpoint.size(), name);
    }

    private static void writeOnce(Path file, String note) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, note, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            String there = Files.readString(file, StandardCharsets.UTF_8);
            if (!there.equals(note)) {
                throw new IllegalStateException("ALARM: " + file + " already holds a different checkpoint of the "
                        + "same size: the log was forked or the signing key changed");
            }
        }
    }

    private void put(URI target, String note) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("PUT " + target + " answered " + response.statusCode());
        }
    }
}
