package dev.ledgerline.bootstrap.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL location given either as a JDBC URL or in the {@code postgres://user:pass@host:port/db?sslmode=require}
 * form that hosted PostgreSQL services hand out.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String url, String username, String password) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, blankToNull(username), blankToNull(password));
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no host");
        }
        String userFromUrl = null;
        String passwordFromUrl = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            userFromUrl = decode(parts[0]);
            passwordFromUrl = parts.length > 1 ? decode(parts[1]) : null;
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        List<String> parameters = jdbcParameters(uri.getRawQuery());
        if (!parameters.isEmpty()) {
            jdbc.append('?').append(String.join("&", parameters));
        }
        return new DatabaseUrl(jdbc.toString(),
                username == null || username.isBlank() ? userFromUrl : username,
                password == null || password.isBlank() ? passwordFromUrl : password);
    }

    /** libpq spells some parameters differently from the JDBC driver. */
    private static List<String> jdbcParameters(String rawQuery) {
        List<String> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isBlank()) {
            return parameters;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("channel_binding=")) {
                parameters.add("channelBinding=" + parameter.substring("channel_binding=".length()));
            } else if (!parameter.isBlank()) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    /** The URL without credentials, safe to log. */
    public String describe() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
