package dev.ledgerline.bootstrap.web;

import java.lang.annotation.Annotation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * What the API documentation says about raw JSON in requests and answers: a tool call's {@code arguments} and an
 * audit event's {@code payload} are JSON objects of any shape. Left to itself, SpringDoc describes Jackson's tree
 * types as beans ({@code nodeType}, {@code missingNode}, …), and {@code ObjectNode}'s two {@code setAll} setters made it
 * give up on the whole record that holds one: the message post's request body had no schema at all. A string written
 * with {@link JsonRawValue} goes out as JSON, not as a string, and is described so.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSchemas {

    /**
     * Jackson's tree types as free-form objects. SpringDoc's polymorphism converter, which would introspect them
     * before any other converter is asked, is turned off in {@code application.yml} (no API type is polymorphic).
     */
    @Bean
    ModelConverter jsonTreesAsObjects() {
        return (type, context, chain) -> {
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (javaType != null && JsonNode.class.isAssignableFrom(javaType.getRawClass())) {
                return new ObjectSchema();
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        };
    }

    @Bean
    PropertyCustomizer rawJsonProperties() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (annotations != null) {
                for (Annotation annotation : annotations) {
                    if (annotation instanceof JsonRawValue raw && raw.value()) {
                        return new ObjectSchema();
                    }
                }
            }
            return property;
        };
    }
}
