package news.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import news.testsupport.RawResponse;

/**
 * An HTTP/1.1 request with a chunked body, sent on one thread while the answer is read on another, as browsers and
 * curl do. The JDK's HttpClient reads no answer before it has written the whole body: a server that answers 413 early
 * and stops reading would leave it blocked for ever, whatever its timeout says.
 */
final class RawHttp {

    private RawHttp() {
    }

    static Api.Answer chunked(String url, String method, Map<String, String> headers, byte[] body, Duration timeout) {
        URI uri = URI.create(url);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            Thread writer = new Thread(() -> write(socket, uri, method, headers, body), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Api.Answer answer = read(socket.getInputStream(), start);
            Api.count(answer.status());
            return answer;
        } catch (IOException e) {
            Api.count(-1);
            return new Api.Answer(-1, null, null, Duration.ofNanos(System.nanoTime() - start), e.toString());
        }
    }

    private static void write(Socket socket, URI uri, String method, Map<String, String> headers, byte[] body) {
        try {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Transfer-Encoding: chunked\r\nConnection: close\r\n");
            if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
                head.append("User-Agent: ").append(Api.BROWSER).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            for (int offset = 0; offset < body.length; offset += 16384) {
                int n = Math.min(16384, body.length - offset);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, offset, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the server stopped reading or closed: its answer, if any, is read on the other thread
        }
    }

    private static Api.Answer read(InputStream in, long start) throws IOException {
        RawResponse response = RawResponse.read(in);
        return new Api.Answer(response.status(), response.bodyText(), HttpHeaders.of(response.headers(), (a, b) -> true),
                Duration.ofNanos(System.nanoTime() - start), null);
    }
}
