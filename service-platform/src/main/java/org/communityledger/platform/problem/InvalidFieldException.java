package org.communityledger.platform.problem;

/**
 * A request field whose value the API refuses, found after the JSON was read (for instance an
 * organisation id whose check character is wrong). Answered as 400 naming the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
