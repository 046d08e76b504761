package news.gateway.edge;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits on writes (every method but GET, HEAD and OPTIONS): a token bucket per client (429 with {@code Retry-After})
 * and a body-size limit (413), checked at once against {@code Content-Length} and while streaming for chunked bodies,
 * so a huge body is never buffered. Reads pass untouched here: those the gateway cannot answer from its caches have a
 * budget of their own ({@link ReadLimits}).
 *
 * <p>Whose bucket a write takes from: an anonymous write (no bearer token, no session cookie) from its client
 * address's, here, before anything else. A write with credentials from its account's, once Spring Security has checked
 * them ({@link #accountStage()}, after the security filters): readers and editors each have a budget of their own
 * ({@code news.gateway.account-limit}), so editors saving and publishing from one newsroom address never meet the
 * anonymous budget of that address. Credentials that fail (401, 403) are paid for by the client address, from a budget
 * of failures as large as the anonymous one, and an address whose failures are spent has its credentials refused
 * before they are even checked: made-up tokens buy no requests, and its anonymous writes never lock its signed-in
 * editors out. A session cookie that names no session makes a public write (a view, a share) anonymous: it pays from
 * the address's anonymous budget.
 *
 * <p>Each budget is the whole platform's: a client's requests are spread over the gateway's instances, so each
 * instance holds a bucket of the full budget in which one request costs {@code instances} tokens. An instance thus
 * allows exactly {@code 1 / instances} of the burst and of the refill (fractions carry over), and all instances together
 * never more than the budget. The buckets stay in memory: no store is asked on the way of a view.
 */
public class WriteLimits implements WebFilter, Ordered {

    static final int ORDER = -200;
    /** After Spring Security's filter chain (order -100): the account of the request is known. */
    static final int ACCOUNT_ORDER = 0;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** On a write with credentials: the client key of its address, for the stages after the first. */
    private static final String CREDENTIALED = WriteLimits.class.getName() + ".credentialed";
    private static final String PAID = WriteLimits.class.getName() + ".paid";
    private static final String EDITOR = "ROLE_editor";

    private final ClientAddress clientAddress;
    private final ClientBuckets addresses;
    private final ClientBuckets failures;
    private final ClientBuckets readers;
    private final ClientBuckets editors;
    private final String sessionCookie;
    private final long maxBodyBytes;

    WriteLimits(ClientAddress clientAddress, GatewayProperties.RateLimit rate, GatewayProperties.AccountLimit accounts,
                int instances, String sessionCookie, long maxBodyBytes) {
        this.clientAddress = clientAddress;
        this.addresses = new ClientBuckets(rate, instances);
        this.failures = new ClientBuckets(rate, instances);
        this.readers = new ClientBuckets(accounts.reader(), instances);
        this.editors = new ClientBuckets(accounts.editor(), instances);
        this.sessionCookie = sessionCookie;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        String client = ClientBuckets.key(clientAddress.of(exchange));
        boolean credentialed = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || exchange.getRequest().getCookies().containsKey(sessionCookie);
        long wait = credentialed ? failures.waitFor(client) : addresses.take(client);
        Refusal refusal = refusal(wait, credentialed
                ? "with credentials that failed from " + client + ": " + failures.budget()
                : "from " + client + ": " + addresses.budget(), exchange.getRequest().getHeaders().getContentLength());
        if (refusal != null) {
            if (refusal.retryAfter() > 0) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter()));
            }
            return Problems.write(exchange, refusal.status(), refusal.detail());
        }
        ServerWebExchange limited = exchange.mutate().request(new LimitedBody(exchange, maxBodyBytes)).build();
        if (!credentialed) {
            return chain.filter(limited);
        }
        limited.getAttributes().put(CREDENTIALED, client);
        // credentials refused before the account stage (401, 403, a body too large): the address pays, from a budget
        // of failures of its own, so that its anonymous writes never lock its signed-in editors out. It pays before the
        // refusal is sent: paid after it, a client's next request could be checked before the payment was taken.
        Runnable payIfRefused = () -> {
            if (limited.getAttributes().putIfAbsent(PAID, Boolean.TRUE) == null) {
                failures.take(client);
            }
        };
        limited.getResponse().beforeCommit(() -> Mono.fromRunnable(payIfRefused));
        return chain.filter(limited).doFinally(signal -> payIfRefused.run());
    }

    /** A write refused: 429 (with the seconds until the client may write again) or 413, and the problem's detail. */
    public record Refusal(HttpStatus status, long retryAfter, String detail) {
    }

    /**
     * The first stage for a router that runs before the filters: an anonymous write of the client at this address,
     * with its declared body length (-1 for none). Null when it may go ahead, else why not.
     */
    public Refusal admitAnonymous(String address, long declaredLength) {
        String client = ClientBuckets.key(address);
        return refusal(addresses.take(client), "from " + client + ": " + addresses.budget(), declaredLength);
    }

    /** The first stage's answer: 429 when the bucket made the client wait, else 413 for a declared body too large. */
    private Refusal refusal(long wait, String whose, long declaredLength) {
        if (wait > 0) {
            return new Refusal(HttpStatus.TOO_MANY_REQUESTS, wait, tooManyDetail(wait, whose));
        }
        return declaredLength > maxBodyBytes
                ? new Refusal(HttpStatus.CONTENT_TOO_LARGE, 0, tooLarge(declaredLength + " bytes")) : null;
    }

    /** The second stage: a write with credentials Spring Security accepted takes from its account's bucket. */
    WebFilter accountStage() {
        return new AccountStage();
    }

    private final class AccountStage implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String client = exchange.getAttribute(CREDENTIALED);
            if (client == null) {
                return chain.filter(exchange);
            }
            return exchange.getPrincipal()
                    .filter(p -> p instanceof Authentication a && a.isAuthenticated()
                            && !(a instanceof AnonymousAuthenticationToken))
                    .cast(Authentication.class).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(account -> {
                        exchange.getAttributes().put(PAID, Boolean.TRUE);
                        if (account.isEmpty()) {
                            // a session cookie that names no session, on a public write: the address pays
                            long wait = addresses.take(client);
                            return wait > 0 ? tooMany(exchange, wait, "from " + client + ": " + addresses.budget())
                                    : chain.filter(exchange);
                        }
                        boolean editor = account.get().getAuthorities().stream()
                                .anyMatch(a -> EDITOR.equals(a.getAuthority()));
                        ClientBuckets buckets = editor ? editors : readers;
                        long wait = buckets.take("account:" + account.get().getName());
                        return wait > 0 ? tooMany(exchange, wait, "of this " + (editor ? "editor" : "reader")
                                + " account: " + buckets.budget()) : chain.filter(exchange);
                    });
        }

        @Override
        public int getOrder() {
            return ACCOUNT_ORDER;
        }
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long wait, String whose) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, tooManyDetail(wait, whose));
    }

    private static String tooManyDetail(long wait, String whose) {
        return "Too many write requests " + whose + ". Retry after " + wait + " s.";
    }

    private String tooLarge(String size) {
        return "The request body has " + size + "; at most " + maxBodyBytes + " bytes are accepted.";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Raised while streaming a body that turns out larger than the limit; answered 413. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes, the most the gateway accepts.", null,
                    false, false);
        }
    }

    private static final class LimitedBody extends ServerHttpRequestDecorator {
        private final long maxBytes;

        LimitedBody(ServerWebExchange exchange, long maxBytes) {
            super(exchange.getRequest());
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().map(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    throw new BodyTooLarge(maxBytes);
                }
                return buffer;
            });
        }
    }
}
