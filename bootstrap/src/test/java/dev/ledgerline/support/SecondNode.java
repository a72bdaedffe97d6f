package dev.ledgerline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.ledgerline.LedgerlineApplication;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A second node of the application in the test JVM, on the end-to-end tests' database: same signing key, audit chain
 * key and first admin, its own HTTP port and its own token-store owner ({@code node-b}). Close it when done.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it; {@code settings} ({@code key=value}) come on top of the shared ones. */
    public static SecondNode start(DataSource dataSource, Environment environment, String... settings)
            throws IOException {
        HikariDataSource database = (HikariDataSource) dataSource;
        Path dataDir = Path.of(environment.getRequiredProperty("ledgerline.database.data-dir"));
        // command-line arguments: they outrank application.yml (whose ${DATABASE_URL:} would win over defaults)
        String[] arguments = Stream.concat(Stream.of(
                        "server.port=0",
                        "ledgerline.database.url=" + database.getJdbcUrl(),
                        "ledgerline.database.username=" + database.getUsername(),
                        "ledgerline.database.password=" + (database.getPassword() == null ? ""
                                : database.getPassword()),
                        "ledgerline.database.pool-size=8",
                        "ledgerline.database.data-dir=" + dataDir.resolve("node-b"),
                        "ledgerline.audit.chain-key=" + Files.readString(dataDir.resolve("keys/audit-chain.key"))
                                .trim(),
                        "ledgerline.identity.jwt-secret=" + TestUsers.JWT_SECRET,
                        "ledgerline.identity.admin.username=" + TestUsers.ADMIN_USERNAME,
                        "ledgerline.identity.admin.email=" + TestUsers.ADMIN_EMAIL,
                        "ledgerline.identity.admin.password=" + TestUsers.ADMIN_PASSWORD), Stream.of(settings))
                .map(argument -> "--" + argument).toArray(String[]::new);
        return new SecondNode(new SpringApplicationBuilder(LedgerlineApplication.class, OwnTokenOwner.class)
                .run(arguments));
    }

    public Http http() {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** In one JVM both nodes would otherwise claim tokens under the same owner name. */
    static class OwnTokenOwner {

        @Bean
        TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider) {
            return JpaTokenStore.builder().serializer(serializer).entityManagerProvider(entityManagerProvider)
                    .nodeId("node-b").claimTimeout(Duration.ofSeconds(10)).build();
        }
    }
}
