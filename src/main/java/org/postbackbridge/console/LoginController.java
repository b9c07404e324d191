package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.postbackbridge.console.auth.AdminAttempts;
import org.postbackbridge.setup.SetupReport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in to the console with the admin token (to the setup page until everything works), and out. */
@Controller
class LoginController {

    private final AdminAttempts attempts;
    private final ConsoleSession session;
    private final SetupReport setup;

    LoginController(AdminAttempts attempts, ConsoleSession session, SetupReport setup) {
        this.attempts = attempts;
        this.session = session;
        this.setup = setup;
    }

    @GetMapping("/admin/login")
    String form() {
        return "admin/login";
    }

    @PostMapping("/admin/login")
    String login(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        AdminAttempts.Verdict verdict = attempts.check(token, request.getRemoteAddr());
        if (verdict == AdminAttempts.Verdict.TOO_MANY_WRONG_TOKENS) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("tooMany", true);
            return "admin/login";
        }
        if (verdict == AdminAttempts.Verdict.REFUSED) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("failed", true);
            return "admin/login";
        }
        session.start(request, response);
        return setup.allOk() ? "redirect:/admin" : "redirect:/admin/setup";
    }

    @PostMapping("/admin/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        session.end(request, response);
        return "redirect:/admin/login";
    }
}
