package jp.renkei.dashboard.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows who is signed in and with which scope ({@code account}, {@code viewer}). */
@ControllerAdvice(annotations = Controller.class)
class ViewerModelAdvice {

    @ModelAttribute
    void signedIn(Model model) {
        ViewerResolver.current().ifPresent(viewer -> {
            model.addAttribute("viewer", viewer);
            model.addAttribute("account", SecurityContextHolder.getContext().getAuthentication().getName());
        });
    }
}
