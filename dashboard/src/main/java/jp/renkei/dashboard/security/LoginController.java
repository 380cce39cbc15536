package jp.renkei.dashboard.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The log-in page; Spring Security handles its POST, the failure ({@code ?error}) and the log-out ({@code ?logout}).
 * When identity providers are configured, the page offers each ({@code /oauth2/authorization/<registration id>}).
 */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    LoginController(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

    /** One configured identity provider as the page links to it. */
    record IdentityProvider(String registrationId, String name) {
    }

    @GetMapping("/login")
    String login(Model model) {
        List<IdentityProvider> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new IdentityProvider(client.getRegistrationId(), client.getClientName()));
            }
        }
        model.addAttribute("identityProviders", providers);
        return "login";
    }
}
