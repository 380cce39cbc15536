package jp.renkei.dashboard.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the JSON API ({@code @RestController}s) as {@link ApiError} bodies; checked before {@link PageErrorAdvice}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(DashboardException.class)
    ResponseEntity<ApiError> dashboard(DashboardException e) {
        LOG.info("{} {}", e.code(), e.getMessage());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Spring's own 4xx/5xx (unsupported method, unacceptable media type, ...): keep its status, say it in JSON.
            int status = framework.getStatusCode().value();
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("DASH-HTTP-" + status, e.getMessage()));
        }
        LOG.error("DASH-INTERNAL-001 unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("DASH-INTERNAL-001", "内部エラーが発生しました。ログのコード DASH-INTERNAL-001 を確認してください。"));
    }
}
