package jp.renkei.dashboard.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The log-in page; Spring Security handles its POST, the failure ({@code ?error}) and the log-out ({@code ?logout}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
