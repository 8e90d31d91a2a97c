package org.communityledger.command.publishing;

/** A batch could not be published; the processor retries it from its last token. */
class PublishingFailedException extends RuntimeException {

    PublishingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
