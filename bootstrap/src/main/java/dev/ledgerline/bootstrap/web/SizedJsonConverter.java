package dev.ledgerline.bootstrap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter, but a body of up to {@link #LIMIT} bytes is answered with a {@code Content-Length} instead
 * of chunked. Spring's converter flushes the body when it has written it, which commits the response before its
 * length is known: Tomcat then sends the headers and the body as one chunk and, when the request ends, the closing
 * chunk with a second write to the socket. Every JSON answer of the API cost two writes (seen with {@code strace}),
 * and a client must read chunked framing. Buffered here, the length is known, and the flush sends headers and body
 * together. A larger body (a long page of messages) is passed through as it is written, chunked as before, so memory
 * stays bounded by the limit.
 */
final class SizedJsonConverter extends JacksonJsonHttpMessageConverter {

    static final int LIMIT = 64 * 1024;

    SizedJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output,
                                 Map<String, Object> hints) throws IOException {
        SizedBody body = new SizedBody(output);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return output.getHeaders();
            }
        }, hints);
        body.finish();
    }

    /** Keeps what is written until it exceeds the limit; from then on writes through. Flushes only when writing through. */
    private static final class SizedBody extends OutputStream {
        private final HttpOutputMessage output;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        private OutputStream through;

        SizedBody(HttpOutputMessage output) {
            this.output = output;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (through == null && buffer.size() + length > LIMIT) {
                through = output.getBody();
                buffer.writeTo(through);
                buffer = null;
            }
            if (through != null) {
                through.write(bytes, offset, length);
            } else {
                buffer.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (through != null) {
                through.flush();
            }
        }

        /** Sends what was kept, with its length (before the body is opened, which writes the headers). */
        void finish() throws IOException {
            if (through == null) {
                output.getHeaders().setContentLength(buffer.size());
                buffer.writeTo(output.getBody());
            }
        }
    }
}
