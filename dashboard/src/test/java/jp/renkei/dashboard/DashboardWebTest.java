package jp.renkei.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.stereotype.Component;

/**
 * A web slice ({@code @WebMvcTest}, MockMvc, no server) with the app's own components (mart reader, queries,
 * chart theme, config) real, not mocked. The test class supplies {@code renkei.home} (a temp folder holding a mart
 * written by DuckDB).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = @ComponentScan.Filter(Component.class))
public @interface DashboardWebTest {
}
