package org.communityledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an export, one at a time, as bytes (the payload's bytes are hashed as they are, so nothing is
 * decoded here). One line is held at a time, in a buffer that grows to the longest line up to
 * {@value #MAX_LINE_BYTES} bytes; the rest of a longer line is skipped and the line marked too long.
 */
final class ExportLines {

    /** Far above any event the services store; a line beyond it is not read into memory. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPosition;
    private int chunkLimit;
    private byte[] line = new byte[1 << 12];
    private int length;
    private long number;
    private boolean endsWithNewline;
    private boolean tooLong;

    ExportLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; false at the end of the export. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPosition == chunkLimit) {
                int read = in.read(chunk);
                if (read < 0) {
                    chunkPosition = chunkLimit = 0;
                    if (!any) {
                        return false;
                    }
                    number++;
                    endsWithNewline = false;
                    return true;
                }
                chunkPosition = 0;
                chunkLimit = read;
                continue;
            }
            any = true;
            int newline = indexOfNewline(chunkPosition, chunkLimit);
            int end = newline < 0 ? chunkLimit : newline;
            keep(chunkPosition, end - chunkPosition);
            if (newline >= 0) {
                chunkPosition = newline + 1;
                number++;
                endsWithNewline = true;
                return true;
            }
            chunkPosition = chunkLimit;
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int from, int count) {
        if (tooLong || (long) length + count > MAX_LINE_BYTES) {
            tooLong = true;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    /** The current line's bytes, without its newline, in {@code [0, length())}; reused by the next line. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** The current line's number, 1 for the first. */
    long number() {
        return number;
    }

    /** Whether the current line ended in a newline; only the last line of an export may not. */
    boolean endsWithNewline() {
        return endsWithNewline;
    }

    /** Whether the current line was longer than {@value #MAX_LINE_BYTES} bytes (then only its start is kept). */
    boolean tooLong() {
        return tooLong;
    }

    /** Whether the current line holds nothing but white space. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
