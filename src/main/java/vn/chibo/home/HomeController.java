package vn.chibo.home;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.organization.Organization;
import vn.chibo.organization.Organizations;

/** The first page after sign-in. */
@Controller
class HomeController {

    private final Organizations organizations;

    HomeController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        List<Organization> myOrganizations = actor.grants().stream()
                .map(Grant::organizationId)
                .distinct()
                .map(organizations::get)
                .sorted(Comparator.comparing(Organization::name))
                .toList();
        model.addAttribute("organizations", myOrganizations);
        return "home/home";
    }
}
