package io.claimguard.e2eapps.clinic;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Owners as pages (JSP) and as JSON; the edit form posts the whole owner back. */
@Controller
public class OwnerController {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerController.class);

    private final ClinicService clinic;

    public OwnerController(ClinicService clinic) {
        this.clinic = clinic;
    }

    /** An empty field is no value (NULL), as the form shows a NULL. */
    @InitBinder
    void emptyIsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/health")
    @ResponseBody
    public String health() {
        return "ok";
    }

    @GetMapping("/owners")
    public String owners(Model model, HttpServletRequest request) {
        model.addAttribute("owners", clinic.owners());
        model.addAttribute("user", user(request));
        return "owners";
    }

    @GetMapping("/owners/{id}")
    public String owner(@PathVariable("id") int id, Model model, HttpServletRequest request) {
        model.addAttribute("owners", List.of(found(id)));
        model.addAttribute("user", user(request));
        return "owners";
    }

    @GetMapping("/owners/{id}/edit")
    public String editForm(@PathVariable("id") int id, Model model, HttpServletRequest request) {
        model.addAttribute("owner", found(id));
        model.addAttribute("user", user(request));
        return "ownerForm";
    }

    @PostMapping("/owners/{id}")
    public String save(@PathVariable("id") int id, @ModelAttribute Owner owner) {
        found(id);
        owner.setId(id);
        clinic.save(owner);
        LOG.info("owner {} saved", id);
        return "redirect:/owners/" + id;
    }

    @GetMapping("/api/owners")
    @ResponseBody
    public List<Owner> ownersJson() {
        return clinic.owners();
    }

    @GetMapping("/api/owners/{id}")
    @ResponseBody
    public Owner ownerJson(@PathVariable("id") int id) {
        return found(id);
    }

    @GetMapping("/api/vets")
    @ResponseBody
    public List<Vet> vetsJson() {
        return clinic.vets();
    }

    private Owner found(int id) {
        Owner owner = clinic.owner(id);
        if (owner == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + id);
        }
        return owner;
    }

    private static String user(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }
}
