package org.communityledger.platform.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller as problem bodies too: requests Spring Security's firewall
 * refuses (encoded or doubled slashes, dot segments, unknown methods), and anything else the servlet
 * container forwards to the error path. Replaces Boot's default error JSON, which is not RFC 9457.
 */
// Not an operation of the API: the container forwards its own errors here to answer them as problems.
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final int MAX_ECHOED_PATH = 2048;

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly, not forwarded by the container for an error: there is nothing at this path.
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(refusedPath(request));
        // Explicit, so that no Accept header (even an unreadable one) can leave the answer without a body.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The path that was refused, not the error path, when it is a URI at all (a refused one may not be). */
    private static URI refusedPath(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String text && text.length() <= MAX_ECHOED_PATH) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                return null;
            }
        }
        return null;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request was refused before it reached the API: its method, path or encoding "
                    + "is not one the API accepts.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not take this method.";
            default -> status.is5xxServerError()
                    ? "The request could not be completed because of an internal error."
                    : "The request was refused.";
        };
    }
}
