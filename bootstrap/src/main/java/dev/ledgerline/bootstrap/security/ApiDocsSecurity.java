package dev.ledgerline.bootstrap.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API documentation states how to authenticate: a bearer access token on every route but the public ones. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerAuthentication() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("Access token from POST /api/auth/login or /api/auth/refresh"));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (!SecurityConfiguration.isPublic(method.name(), path)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
                    }
                }));
            }
        };
    }
}
