package jp.renkei.dashboard.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import jp.renkei.dashboard.mart.QueryTiming;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * With {@code renkei.server-timing=true} (the load benchmark sets it), every response carries
 * {@code Server-Timing: duckdb;dur=<ms>, app;dur=<ms>}: the DuckDB time of the request ({@link QueryTiming}) and the
 * whole handling after security. The body is buffered so the header can follow it; off by default, costing nothing.
 */
@Component
@ConditionalOnProperty(name = "renkei.server-timing", havingValue = "true")
class ServerTimingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        QueryTiming.reset();
        long started = System.nanoTime();
        try {
            chain.doFilter(request, buffered);
        } finally {
            double app = (System.nanoTime() - started) / 1e6;
            double duckdb = QueryTiming.nanos() / 1e6;
            buffered.setHeader("Server-Timing", String.format(Locale.ROOT, "duckdb;dur=%.3f, app;dur=%.3f", duckdb, app));
            buffered.copyBodyToResponse();
        }
    }
}
