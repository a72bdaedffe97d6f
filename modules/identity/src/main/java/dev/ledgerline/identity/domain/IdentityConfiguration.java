package dev.ledgerline.identity.domain;

import java.nio.file.Path;
import java.time.Clock;

import dev.ledgerline.identity.token.AccessTokens;
import dev.ledgerline.identity.token.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    AccessTokens accessTokens(IdentityProperties properties,
                              @Value("${ledgerline.database.data-dir:./data}") Path dataDir) {
        return new AccessTokens(SigningKey.resolve(properties.jwtSecret(), dataDir),
                properties.accessTokenLifetime(), Clock.systemUTC());
    }
}
