package org.communityledger.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests the container refuses before any application code sees them (a
 * malformed URL encoding, an encoded slash or backslash, a request line too long): a problem body instead of
 * Tomcat's HTML report, with no server details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                HttpStatus known = HttpStatus.resolve(status);
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                        + "\",\"status\":" + status + ",\"detail\":\"" + (status < 500
                        ? "The request was refused before it reached the API: its request line, path or encoding is malformed."
                        : "The request could not be completed.") + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was committed meanwhile: nothing more can be said to it.
        }
    }
}
