package jp.renkei.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.stereotype.Component;
import org.springframework.test.context.ContextConfiguration;
import jp.renkei.dashboard.security.TestUsers;

/**
 * A web slice ({@code @WebMvcTest}, MockMvc, no server) with the app's own components (mart reader, queries,
 * chart theme, config, security) real, not mocked. The test class supplies {@code renkei.home} (a temp folder holding
 * a mart written by DuckDB) and signs its requests in: with {@link WithViewer} on the class or method, or for real
 * against the shared users file of {@link TestUsers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = @ComponentScan.Filter(Component.class))
@ContextConfiguration(initializers = TestUsers.Initializer.class)
public @interface DashboardWebTest {
}
