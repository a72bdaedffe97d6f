package dev.ledgerline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireTest {

    /** A request as the server read it: its head lines and its body. */
    record Seen(List<String> head, String body) {
    }

    /**
     * A server on 127.0.0.1 that reads each request and writes whatever {@code answer} gives for it (raw bytes, so
     * that the test decides the framing), then closes the connection when the answer says {@code Connection: close}.
     */
    static final class ScriptedServer implements AutoCloseable {
        /** Appended to an answer: the server closes the connection after it without saying so. */
        static final String DROP = "\u0000drop";

        final ServerSocket socket;
        final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        /** Released each time the server dropped a connection after an answer ({@link #DROP}). */
        final java.util.concurrent.Semaphore dropped = new java.util.concurrent.Semaphore(0);
        final Thread acceptor;
        volatile Function<Seen, String> answer;

        ScriptedServer(Function<Seen, String> answer) throws IOException {
            this.answer = answer;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::accept, "scripted-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread serving = new Thread(() -> serve(connection), "scripted-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream();
                while (true) {
                    List<String> head = new ArrayList<>();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.add(line);
                    }
                    if (head.isEmpty()) {
                        return;
                    }
                    int length = head.stream().filter(h -> h.toLowerCase().startsWith("content-length:"))
                            .map(h -> Integer.parseInt(h.substring(15).trim())).findFirst().orElse(0);
                    char[] body = new char[length];
                    for (int read = 0; read < length; ) {
                        read += in.read(body, read, length - read);
                    }
                    Seen request = new Seen(head, new String(body));
                    seen.add(request);
                    String raw = answer.apply(request);
                    boolean drop = raw.endsWith(DROP);
                    out.write(raw.replace(DROP, "").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (drop) {
                        connection.close();
                        dropped.release();
                        return;
                    }
                    if (raw.toLowerCase().contains("connection: close")) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sends_one_request_with_its_headers_and_reads_a_sized_answer() throws Exception {
        server = new ScriptedServer(request -> "HTTP/1.1 201 \r\nContent-Type: application/json\r\n"
                + "Content-Length: 12\r\n\r\n{\"id\":\"é1\"}");
        Wire wire = new Wire(server.base(), Duration.ofSeconds(5));

        Wire.Response response = wire.exchange("POST", "/api/things?x=1", "tok", "{\"a\":1}".getBytes());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text()).isEqualTo("{\"id\":\"é1\"}");
        Seen request = server.seen.poll(5, TimeUnit.SECONDS);
        assertThat(request.head().get(0)).isEqualTo("POST /api/things?x=1 HTTP/1.1");
        assertThat(request.head()).contains("Authorization: Bearer tok", "Content-Type: application/json",
                "Content-Length: 7", "Host: 127.0.0.1:" + server.socket.getLocalPort());
        assertThat(request.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void reads_a_chunked_answer_and_keeps_the_connection_for_the_next_request() throws Exception {
        server = new ScriptedServer(request -> "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
        Wire wire = new Wire(server.base(), Duration.ofSeconds(5));

        for (int i = 0; i < 5; i++) {
            Wire.Response response = wire.exchange("GET", "/page", null, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello, world");
        }
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.seen.poll(5, TimeUnit.SECONDS).head()).noneMatch(h -> h.startsWith("Authorization"));
    }

    @Test
    void opens_a_new_connection_after_the_server_says_close() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        server = new ScriptedServer(request -> answered.incrementAndGet() % 2 == 0
                ? "HTTP/1.1 200 \r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                : "HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok");
        Wire wire = new Wire(server.base(), Duration.ofSeconds(5));

        for (int i = 0; i < 6; i++) {
            assertThat(wire.exchange("GET", "/", null, null).text()).isEqualTo("ok");
        }
        assertThat(server.connections.get()).isEqualTo(3);
    }

    @Test
    void sends_a_get_again_on_a_fresh_connection_when_the_server_dropped_the_pooled_one() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        Wire wire = droppedAfterEachAnswer(200, answered);
        assertThat(wire.exchange("GET", "/", null, null).text()).isEqualTo("1");
        assertThat(server.dropped.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        assertThat(wire.exchange("GET", "/", null, null).text()).isEqualTo("2");
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(answered.get()).isEqualTo(2);
    }

    @Test
    void never_sends_a_post_twice_when_the_pooled_connection_was_dropped() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        Wire wire = droppedAfterEachAnswer(201, answered);
        assertThat(wire.exchange("POST", "/", null, "{}".getBytes()).text()).isEqualTo("1");
        assertThat(server.dropped.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        // the write may still succeed into the closed socket; the answer never comes, and the post is not re-sent
        assertThatThrownBy(() -> wire.exchange("POST", "/", null, "{}".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not sent again");
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(answered.get()).isEqualTo(1);
        // and the pool holds nothing stale afterwards
        assertThat(wire.exchange("POST", "/", null, "{}".getBytes()).text()).isEqualTo("2");
    }

    /**
     * A server whose every answer (the body: how many it has answered) keeps the connection by its headers, and
     * which then drops it, as an idle timeout does; and a client of it.
     */
    private Wire droppedAfterEachAnswer(int status, AtomicInteger answered) throws IOException {
        server = new ScriptedServer(request -> "HTTP/1.1 " + status + " \r\nContent-Length: 1\r\n\r\n"
                + answered.incrementAndGet() + ScriptedServer.DROP);
        return new Wire(server.base(), Duration.ofSeconds(5));
    }

    @Test
    void skips_interim_answers_and_reads_the_final_one() throws Exception {
        server = new ScriptedServer(request -> "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 \r\nContent-Length: 2\r\n\r\nok");
        Wire wire = new Wire(server.base(), Duration.ofSeconds(5));

        for (int i = 0; i < 2; i++) {
            Wire.Response response = wire.exchange("POST", "/things", null, "{}".getBytes());
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.text()).isEqualTo("ok");
        }
        assertThat(server.connections.get()).as("the connection stays usable after them").isEqualTo(1);
    }

    @Test
    void an_address_without_a_port_means_port_80_and_only_plain_http_is_accepted() {
        assertThat(new Wire(URI.create("http://127.0.0.1"), Duration.ofSeconds(1)).port()).isEqualTo(80);
        assertThat(new Wire(URI.create("http://127.0.0.1:8081/"), Duration.ofSeconds(1)).port()).isEqualTo(8081);
        assertThatThrownBy(() -> new Wire(URI.create("https://127.0.0.1:8443"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_an_answer_cut_short() throws Exception {
        server = new ScriptedServer(request -> "HTTP/1.1 200 \r\nContent-Length: 10\r\nConnection: close\r\n\r\nshort");
        Wire wire = new Wire(server.base(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> wire.exchange("GET", "/", null, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("shorter");
    }
}
