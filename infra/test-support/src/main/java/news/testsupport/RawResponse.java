package news.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 response read off a raw socket: status line, headers, and a body framed by {@code Content-Length},
 * chunked encoding, or the end of the connection. For tests that must control the bytes on the wire (early answers to
 * chunked uploads, pipelined requests on one kept-alive connection), where an HTTP client would hide them.
 */
public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Reads the next response; an {@link IOException} when the connection ends before a whole one. */
    public static RawResponse read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + status);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("Content-Length");
        List<String> encoding = headers.get("Transfer-Encoding");
        if (length != null) {
            int expected = Integer.parseInt(length.get(0));
            byte[] read = in.readNBytes(expected);
            if (read.length != expected) {
                throw new IOException("the connection closed inside a response body");
            }
            body.write(read);
        } else if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailer fields up to the empty line that ends the response: none the tests read
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new RawResponse(Integer.parseInt(status.split(" ")[1]), headers, body.toByteArray());
    }

    /**
     * Sends these bytes, exactly, on a new connection to {@code 127.0.0.1:port} and reads the answer: for requests an
     * HTTP client refuses to send (a broken {@code %4}, header bytes that are not UTF-8).
     */
    public static RawResponse exchange(int port, byte[] request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        return Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
