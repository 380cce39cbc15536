package jp.renkei.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may ask (ARCHITECTURE §8). Every page and API call needs a signed-in account of the users file; there is no
 * default role. Pages sign in with a form and a session cookie (HttpOnly, SameSite=Lax; Secure when the request came
 * over HTTPS); the JSON API also takes HTTP Basic, for notebooks and scripts, and answers 401 with a JSON body
 * instead of redirecting. CSRF protection stays on (the only state-changing requests are log-in and log-out). The
 * firewall refuses any Host not in {@code renkei.allowed-hosts} (400), against DNS rebinding.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String REALM = "renkei";
    private static final String UNAUTHENTICATED_BODY = "{\"code\":\"DASH-AUTH-001\",\"message\":\"ログインが必要です。"
            + "ユーザー名とパスワードを HTTP Basic 認証で送るか、/login からログインしてください。\"}";
    private static final String LOCKED_BODY = "{\"code\":\"DASH-AUTH-002\",\"message\":\"パスワードの誤りが続いたため、"
            + "このアカウントは一時的にログインできません。しばらく待ってから再度お試しください。\"}";

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
            DashboardProperties properties) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint apiUnauthorized = SecurityConfig::unauthorized;
        // Only a page remembers where to return after log-in: an API call without credentials must not open a session.
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new NegatedRequestMatcher(api));
        http.requestCache(cache -> cache.requestCache(pagesOnly))
                .authorizeHttpRequests(requests -> requests
                        // The API's description holds no data: a client may read it before it has credentials.
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error", "/api/v1/openapi.json")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/login?locked" : "/login?error"))))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(apiUnauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) -> {
                    if (api.matches(request)) {
                        apiUnauthorized.commence(request, response, failure);
                    } else {
                        loginPage.commence(request, response, failure);
                    }
                }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults());
        // OIDC for deployments, only when an identity provider is configured (spring.security.oauth2.client.*);
        // the demo and the tests sign in against the users file alone.
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", false)
                    .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                            + (failure instanceof OAuth2AuthenticationException oidcFailure
                                    && OidcAccounts.NO_ROLE.equals(oidcFailure.getError().getErrorCode())
                                    ? "/login?norole" : "/login?error")))
                    .userInfoEndpoint(info -> info.oidcUserService(new OidcAccounts(properties))));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    WebSecurityCustomizer hostCheck(DashboardProperties properties) {
        Set<String> allowed = properties.getAllowedHosts().stream().map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHostnames(host -> allowed.contains(host.toLowerCase(Locale.ROOT)));
        return web -> web.httpFirewall(firewall).requestRejectedHandler(new HttpStatusRequestRejectedHandler(400));
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        String body = failure instanceof LockedException ? LOCKED_BODY : UNAUTHENTICATED_BODY;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
