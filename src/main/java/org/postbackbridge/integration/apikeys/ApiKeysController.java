package org.postbackbridge.integration.apikeys;

import org.postbackbridge.integration.ApiKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's API keys page: create a key (shown this once), list them, revoke one. */
@Controller
class ApiKeysController {

    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeys keys;

    ApiKeysController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        return "admin/api-keys";
    }

    /** Answers with the page itself rather than a redirect, so the new key is on it and nowhere else. */
    @PostMapping("/admin/api-keys")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "READ") String scope,
                  Model model) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            model.addAttribute("nameProblem", MAX_NAME_LENGTH);
        } else {
            model.addAttribute("created", keys.create(trimmed, "READ_WRITE".equals(scope) ? ApiScope.READ_WRITE : ApiScope.READ));
        }
        return list(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable long id) {
        keys.revoke(id);
        return "redirect:/admin/api-keys?revoked=" + id;
    }
}
