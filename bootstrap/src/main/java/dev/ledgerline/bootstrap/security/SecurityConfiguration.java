package dev.ledgerline.bootstrap.security;

import dev.ledgerline.bootstrap.web.ProblemTypes;
import dev.ledgerline.bootstrap.web.ProblemWriter;
import dev.ledgerline.identity.api.BearerTokenAuthenticator;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless API security: public health, docs and the auth routes that hand out tokens; everything else needs a
 * bearer access token (identity's {@link BearerTokenAuthenticator}). Admin routes are guarded by the route rule below
 * and by {@code @PreAuthorize} on their controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The routes that hand out or end tokens: the credential is in the body. */
    static final String[] PUBLIC_POSTS = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/logout"};

    static boolean isPublic(String method, String path) {
        return "POST".equals(method) && java.util.Arrays.asList(PUBLIC_POSTS).contains(path);
    }

    /** There are no password logins through Spring Security (and so no generated default user). */
    @Bean
    AuthenticationManager noPasswordAuthentication() {
        return authentication -> {
            throw new ProviderNotFoundException("Only bearer access tokens authenticate requests");
        };
    }

    /**
     * A request Spring Security's firewall refuses before any filter runs (an empty path segment, {@code ..}, an
     * encoded slash, a non-printable character) answers 400 problem+json like any other malformed request.
     */
    @Bean
    RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST, "The request's path or headers are not accepted: "
                        + rejected.getMessage());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, BearerTokenAuthenticator authenticator)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", request.getHeader("Authorization") == null
                    ? "Bearer" : "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                    "A valid bearer access token is required.");
        };
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(authenticator, entryPoint), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // a streamed response (audit export) finishes in an async dispatch of a request that was
                        // already authorized; an error dispatch renders a failure that was already decided
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                                "Your roles do not allow this operation.")))
                .build();
    }
}
