package news.kit.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.kit.web.ProblemResponses;

/** 401 as a problem detail, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String detail = tokenGiven
                ? "The bearer token was rejected: " + reason(failure)
                : "This endpoint needs a bearer token (Authorization: Bearer <JWT>).";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenGiven || failure instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, detail, request));
    }

    private static String reason(AuthenticationException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "invalid token" : message;
    }
}
