package dev.ledgerline.bootstrap.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Filters that run before everything else, security included, and the JSON converter. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final JsonMapper jsonMapper;

    WebConfiguration(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * Puts {@link SizedJsonConverter} (same mapper) in the JSON converter's place. Spring Boot's own is set earlier
     * (its configurer comes first); a converter bean instead would have gone before every default converter, and
     * SpringDoc's {@code byte[]} answer would have been written as a JSON string.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new SizedJsonConverter(jsonMapper));
    }

    @Bean
    ProblemWriter problemWriter() {
        return new ProblemWriter();
    }

    @Bean
    FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
        FilterRegistrationBean<RequestCorrelation> registration = new FilterRegistrationBean<>(new RequestCorrelation());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${ledgerline.web.max-request-size:1MB}") DataSize maxRequestSize, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
