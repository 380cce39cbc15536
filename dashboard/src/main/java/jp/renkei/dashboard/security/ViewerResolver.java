package jp.renkei.dashboard.security;

import java.util.Optional;
import jp.renkei.dashboard.system.DashboardException;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method its {@link Viewer} parameter: the role of the signed-in account, never a request value. */
class ViewerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return current().orElseThrow(() -> DashboardException.roleRequired(
                authentication == null ? "" : authentication.getName()));
    }

    /** The viewer of the signed-in account, if there is one with a renkei role. */
    static Optional<Viewer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
            return Optional.of(account.viewer());
        }
        return Optional.empty();
    }
}
