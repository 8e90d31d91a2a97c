package org.communityledger.launcher.operator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies a stream as it arrives, a buffer at a time, counting bytes and lines (NDJSON: one event a line). */
record CountingCopy(long bytes, long lines) {

    private static final int BUFFER = 64 * 1024;

    static CountingCopy copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long bytes = 0;
        long lines = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            bytes += read;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return new CountingCopy(bytes, lines);
    }
}
