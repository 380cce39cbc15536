package jp.renkei.dashboard.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@link DashboardException}s of pages, charts and exports as the Japanese error page ({@code error.html}), with
 * the same code the API would give. Anything else goes on to Spring Boot's error handling, which renders the same
 * template without a code.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(DashboardException.class)
    ModelAndView dashboard(DashboardException e) {
        LOG.info("{} {}", e.code(), e.getMessage());
        ModelAndView view = new ModelAndView("error");
        view.setStatus(e.status());
        view.addObject("status", e.status().value());
        view.addObject("code", e.code());
        view.addObject("message", e.getMessage());
        return view;
    }
}
