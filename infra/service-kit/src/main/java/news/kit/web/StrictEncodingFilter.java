package news.kit.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 400 for a request whose path, query string or headers are not well-formed percent-encoded UTF-8
 * ({@link StrictEncoding}), and for a query or form body the container cannot decode into parameters, before anything
 * reads them: Tomcat's parameter parser otherwise fails ({@code InvalidParameterException} caused by a
 * {@code MalformedInputException}) inside the first {@code getParameter}, which surfaces as a 500.
 */
public class StrictEncodingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problem(request);
        if (problem.isPresent()) {
            ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.BAD_REQUEST, problem.get(), request));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> problem(HttpServletRequest request) {
        Optional<String> problem = StrictEncoding.pathProblem(request.getRequestURI())
                .or(() -> StrictEncoding.queryProblem(request.getQueryString()));
        if (problem.isPresent()) {
            return problem;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                problem = StrictEncoding.headerProblem(name, value);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (request.getQueryString() != null || isForm(request.getContentType())) {
            try {
                request.getParameterMap(); // the container decodes query and form here; what it cannot is the client's
            } catch (IllegalStateException e) {
                return Optional.of("The query string or form body cannot be decoded as parameters (percent-encoded"
                        + " UTF-8, at most 1000 parameters).");
            }
        }
        return Optional.empty();
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
