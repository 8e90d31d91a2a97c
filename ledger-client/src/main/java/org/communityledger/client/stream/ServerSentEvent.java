package org.communityledger.client.stream;

/**
 * One event of a stream.
 *
 * @param id    the last event id the stream set, as the WHATWG rules keep it: it carries over to events that
 *              set none; the value to resume from with {@code Last-Event-ID}
 * @param event the event type: {@code ready}, {@code change} or {@code reset} from the ledger ({@code message}
 *              when a stream names none)
 * @param data  the data lines joined with a line feed
 */
public record ServerSentEvent(String id, String event, String data) {
}
