package news.kit.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.kit.web.ProblemResponses;

/** 403 as a problem detail: the token is valid, its roles do not allow this. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN,
                "Your token does not grant the role this action needs.", request));
    }
}
