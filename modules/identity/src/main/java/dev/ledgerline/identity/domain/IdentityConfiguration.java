package dev.ledgerline.identity.domain;

import java.nio.file.Path;
import java.time.Clock;

import dev.ledgerline.identity.token.AccessTokens;
import dev.ledgerline.identity.token.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    AccessTokens accessTokens(IdentityProperties properties,
                              @Value("${ledgerline.database.data-dir:./data}") Path dataDir,
                              @Value("${ledgerline.database.url:}") String databaseUrl) {
        if ((properties.jwtSecret() == null || properties.jwtSecret().isBlank()) && !databaseUrl.isBlank()) {
            log.warn("LEDGERLINE_JWT_SECRET is not set: access tokens are signed with a key kept in {}; several nodes "
                    + "on one database need the same LEDGERLINE_JWT_SECRET", dataDir.toAbsolutePath());
        }
        return new AccessTokens(SigningKey.resolve(properties.jwtSecret(), dataDir),
                properties.accessTokenLifetime(), Clock.systemUTC());
    }
}
