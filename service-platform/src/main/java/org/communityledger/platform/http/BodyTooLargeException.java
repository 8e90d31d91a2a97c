package org.communityledger.platform.http;

import java.io.IOException;

/** A request body longer than the limit; answered as 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
