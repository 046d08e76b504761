package news.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one form, posted to Spring Security's form login with its CSRF token. It names the demo
 * accounts, since this provider exists only on a developer's machine.
 */
@Controller
class LoginPage {

    static final String PATH = "/login";

    private final String template;
    private final String accounts;

    LoginPage(IdentityProperties properties) {
        try (InputStream in = LoginPage.class.getResourceAsStream("/login.html")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.accounts = properties.accounts().stream()
                .map(a -> "<li><b>" + HtmlUtils.htmlEscape(a.username()) + "</b> · " + HtmlUtils.htmlEscape(a.name())
                        + " (" + HtmlUtils.htmlEscape(String.join(", ", a.roles())) + ")</li>")
                .collect(Collectors.joining());
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(CsrfToken csrf, @RequestParam(required = false) String error,
                @RequestParam(required = false) String logout) {
        String message = error != null ? "<p class=\"message error\" role=\"alert\">Wrong username or password.</p>"
                : logout != null ? "<p class=\"message\" role=\"status\">You are signed out.</p>" : "";
        return template
                .replace("{{message}}", message)
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{accounts}}", accounts);
    }
}
