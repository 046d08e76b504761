package news.kit.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 413 for a request body over the limit: at once when {@code Content-Length} says so, and while reading
 * for chunked bodies, so a huge body is never buffered whole. A JSON body must also be strictly valid UTF-8 (RFC 8259
 * §8.1, RFC 3629): Jackson decodes an overlong form such as {@code C0 AF} as {@code /} without complaint, so the
 * bytes are checked as they are read and a malformed sequence is answered 400 before anything is stored.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body has " + request.getContentLengthLong() + " bytes; at most " + maxBytes
                            + " are accepted.", request));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes, isJson(request.getContentType())), response);
    }

    /** Whether a {@code Content-Type} names JSON: {@code application/json} or {@code application/*+json}, any case. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** Thrown while reading a JSON body that is not valid UTF-8; mapped to 400. */
    public static class MalformedUtf8Exception extends IOException {
        MalformedUtf8Exception(long offset) {
            super("The request body is not valid UTF-8 (malformed or overlong sequence at byte " + offset + ").");
        }
    }

    /** Thrown while reading a body that turns out larger than the limit; mapped to 413. */
    public static class BodyTooLargeException extends IOException {
        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final boolean utf8;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, boolean utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes, utf8 ? new Utf8Validator() : null);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private final Utf8Validator utf8;
        private long count;

        CountingStream(ServletInputStream delegate, long maxBytes, Utf8Validator utf8) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                add(1);
                if (utf8 != null) {
                    utf8.accept(b);
                }
            } else if (utf8 != null) {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
                if (utf8 != null) {
                    for (int i = offset; i < offset + n; i++) {
                        utf8.accept(buffer[i] & 0xFF);
                    }
                }
            } else if (n < 0 && utf8 != null) {
                utf8.end();
            }
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }

    /** A streaming check of RFC 3629's well-formed byte sequences (no overlong forms, surrogates or values past U+10FFFF). */
    static final class Utf8Validator {
        private long offset;
        private int needed;
        private int low = 0x80;
        private int high = 0xBF;

        /** Whether {@code bytes} is, as a whole, well-formed UTF-8. */
        static boolean isValid(byte[] bytes) {
            Utf8Validator validator = new Utf8Validator();
            try {
                for (byte b : bytes) {
                    validator.accept(b & 0xFF);
                }
                validator.end();
                return true;
            } catch (MalformedUtf8Exception e) {
                return false;
            }
        }

        void accept(int b) throws MalformedUtf8Exception {
            if (needed == 0) {
                if (b >= 0xC2 && b <= 0xDF) {
                    expect(1, 0x80, 0xBF);
                } else if (b >= 0xE0 && b <= 0xEF) {
                    expect(2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF);
                } else if (b >= 0xF0 && b <= 0xF4) {
                    expect(3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF);
                } else if (b >= 0x80) {
                    throw new MalformedUtf8Exception(offset);
                }
            } else {
                if (b < low || b > high) {
                    throw new MalformedUtf8Exception(offset);
                }
                needed--;
                low = 0x80;
                high = 0xBF;
            }
            offset++;
        }

        void end() throws MalformedUtf8Exception {
            if (needed > 0) {
                throw new MalformedUtf8Exception(offset);
            }
        }

        private void expect(int continuationBytes, int firstLow, int firstHigh) {
            needed = continuationBytes;
            low = firstLow;
            high = firstHigh;
        }
    }
}
