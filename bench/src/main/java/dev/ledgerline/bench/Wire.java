package dev.ledgerline.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The least an HTTP/1.1 client can do: one request written in one piece on a kept-alive socket, the answer read with
 * its length (or its chunks). It shares the machine with the application and PostgreSQL, so every microsecond it
 * spends is taken from what it measures: the JDK's {@code HttpClient} cost about 0.23 ms of CPU per post under W1
 * (a fifth of a core at 900 posts/s); this one a fraction of that. Connections are pooled between the load threads.
 * <p>
 * Not a general client: no TLS, no redirects, no {@code Expect}, no trailers; bodies are read whole.
 */
final class Wire {

    /** Tomcat closes a connection that was idle longer than 20 s (its keep-alive timeout); ours give up before. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(5).toNanos();

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    Wire(URI base, Duration timeout) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("Wire speaks plain HTTP to a host: " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort(); // URI says -1 when the address names no port
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** The port requests go to. */
    int port() {
        return port;
    }

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response exchange(String method, String path, String token, byte[] json) throws IOException {
        byte[] request = request(method, path, token, json);
        Connection connection = pooled();
        if (connection != null) {
            try {
                return complete(connection, connection.exchange(request));
            } catch (StaleConnection e) {
                connection.close();
                // the server had closed it: a request it cannot have read, or a GET, is sent afresh; a POST that may
                // have reached it is not sent twice (a post is not idempotent)
                if (e.sent && !method.equals("GET")) {
                    throw new IOException(method + " " + path + ": the server closed the connection without an "
                            + "answer; not sent again", e);
                }
            } catch (IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        Connection fresh = new Connection(new Socket());
        try {
            fresh.socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            fresh.socket.setTcpNoDelay(true);
            fresh.socket.setSoTimeout(timeoutMillis);
            fresh.open();
            return complete(fresh, fresh.exchange(request));
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private Connection pooled() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (System.nanoTime() - connection.idleSince < MAX_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private Response complete(Connection connection, Exchanged exchanged) {
        if (exchanged.keepAlive()) {
            connection.idleSince = System.nanoTime();
            idle.offerFirst(connection);
        } else {
            connection.close();
        }
        return exchanged.response();
    }

    private byte[] request(String method, String path, String token, byte[] json) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(json == null ? 0 : json.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (json == null) {
            return headBytes;
        }
        byte[] whole = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(json, 0, whole, headBytes.length, json.length);
        return whole;
    }

    private record Exchanged(Response response, boolean keepAlive) {
    }

    /**
     * A reused connection that the server had closed: the request could not be written ({@code sent} false), or not
     * one byte of an answer came back ({@code sent} true: the request may have reached the server).
     */
    private static final class StaleConnection extends IOException {
        final boolean sent;

        StaleConnection(boolean sent, IOException cause) {
            super("connection closed by the server", cause);
            this.sent = sent;
        }
    }

    private static final class Connection {
        private final Socket socket;
        private InputStream in;
        private OutputStream out;
        private long idleSince;
        private boolean used;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void open() throws IOException {
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Exchanged exchange(byte[] request) throws IOException {
            boolean reused = used;
            used = true;
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                throw reused ? new StaleConnection(false, e) : e;
            }
            int first;
            try {
                first = in.read();
            } catch (SocketException e) {
                // a reset: the server closed the socket with our request unread in it
                throw reused ? new StaleConnection(true, e) : e;
            }
            if (first < 0) {
                EOFException closed = new EOFException("connection closed before an answer");
                throw reused ? new StaleConnection(true, closed) : closed;
            }
            Head head = head((char) first + line());
            while (head.status() < 200) {
                // an interim answer (100 Continue, 103 Early Hints): head only; the final answer follows
                head = head(line());
            }
            int status = head.status();
            long length = head.length();
            boolean close = head.close();
            byte[] body;
            if (status == 204 || status == 304) {
                body = new byte[0];
            } else if (head.chunked()) {
                body = chunks();
            } else if (length >= 0) {
                body = in.readNBytes(Math.toIntExact(length));
                if (body.length < length) {
                    throw new EOFException("answer shorter than its Content-Length");
                }
            } else {
                body = in.readAllBytes();
                close = true;
            }
            return new Exchanged(new Response(status, body), !close);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int extension = sizeLine.indexOf(';');
                int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers: none expected, skipped
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("chunk shorter than announced");
                }
                body.write(chunk);
                line();
            }
        }

        /** One header line without its CRLF (ISO-8859-1, as HTTP headers are). */
        /** An answer's status line and headers, as far as framing needs them. */
        private record Head(int status, long length, boolean chunked, boolean close) {
        }

        private Head head(String statusLine) throws IOException {
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            if (status == 101) {
                throw new IOException("the server switched protocols, which Wire never asks for");
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            return new Head(status, length, chunked, close);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed inside an answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
