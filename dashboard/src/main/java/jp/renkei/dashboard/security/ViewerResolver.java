package jp.renkei.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method its {@link Viewer} parameter: from {@value #HEADER}, else {@code renkei.default-role}. */
class ViewerResolver implements HandlerMethodArgumentResolver {

    static final String HEADER = "X-Renkei-Role";
    private static final String EXPECTED = "ministry または prefecture:NN（NN は 01〜47）";

    private final Optional<Viewer> defaultViewer;

    ViewerResolver(DashboardProperties properties) {
        String configured = properties.getDefaultRole();
        if (configured == null || configured.isBlank()) {
            this.defaultViewer = Optional.empty();
        } else {
            this.defaultViewer = Optional.of(Viewer.parse(configured).orElseThrow(() -> new IllegalArgumentException(
                    "renkei.default-role must be ministry, prefecture:NN or empty, not '" + configured + "'")));
        }
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String header = webRequest.getNativeRequest(HttpServletRequest.class).getHeader(HEADER);
        if (header == null) {
            return defaultViewer.orElseThrow(() -> DashboardException.roleRequired(HEADER));
        }
        return Viewer.parse(header.strip())
                .orElseThrow(() -> DashboardException.badParameter(HEADER + " ヘッダー", EXPECTED, header));
    }
}
