package eu.empact.oap.drafting;

import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.RegistryConflictException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The drafting page, {@code /oaps/{id}/draft}: the OAP's current draft with a form per strategic
 * goal and per OA sheet, for the OAP's Driver and the EMPACT Support Unit only (anybody else: 403).
 * Each form saves its part at once ({@link Drafts}); a refused save answers 400 with the page, the
 * part as it was sent and every problem next to its field; a draft that cannot change answers 409.
 * The forms carry the webapps' CSRF token (docs/adr/0011); the login is the webapps'.
 */
@Controller
@RequestMapping("/oaps/{id}/draft")
class DraftingController {

  private static final String PAGE = "drafting/draft";

  private final Drafts drafts;
  private final ApiAccess access;

  DraftingController(Drafts drafts, ApiAccess access) {
    this.drafts = drafts;
    this.access = access;
  }

  @GetMapping
  String page(@PathVariable long id, Authentication user, Model model) {
    requireDrafter(user, id);
    model.addAttribute("page", drafts.page(id, null));
    return PAGE;
  }

  /** Saves a strategic goal; {@code new} adds one. */
  @PostMapping("/goals/{key}")
  ModelAndView saveGoal(@PathVariable long id, @PathVariable String key,
                        @RequestParam MultiValueMap<String, String> form, Authentication user,
                        RedirectAttributes redirect) {
    requireDrafter(user, id);
    return answer(id, drafts.saveGoal(id, key, form, user.getName()), redirect);
  }

  /** Moves a strategic goal up or down, or removes it. */
  @PostMapping("/goals/{key}/{operation:up|down|remove}")
  ModelAndView changeGoal(@PathVariable long id, @PathVariable String key, @PathVariable String operation,
                          Authentication user, RedirectAttributes redirect) {
    requireDrafter(user, id);
    return answer(id, drafts.changeGoal(id, key, operation, user.getName()), redirect);
  }

  /**
   * Saves an OA sheet ({@code new} adds one); with {@code action} {@code up-row:kpis:2} or
   * {@code remove-row:activities:0}, moves or removes that row of the sheet in the same save.
   */
  @PostMapping("/oas/{key}")
  ModelAndView saveSheet(@PathVariable long id, @PathVariable String key,
                         @RequestParam MultiValueMap<String, String> form,
                         @RequestParam(required = false) String action, Authentication user,
                         RedirectAttributes redirect) {
    requireDrafter(user, id);
    return answer(id, drafts.saveSheet(id, key, form, action, user.getName()), redirect);
  }

  /** Moves an OA sheet up or down, or removes it. */
  @PostMapping("/oas/{key}/{operation:up|down|remove}")
  ModelAndView changeSheet(@PathVariable long id, @PathVariable String key, @PathVariable String operation,
                           Authentication user, RedirectAttributes redirect) {
    requireDrafter(user, id);
    return answer(id, drafts.changeSheet(id, key, operation, user.getName()), redirect);
  }

  /** A draft that cannot change (no longer a draft, its task submitted, changed meanwhile): the page with why. */
  @ExceptionHandler
  ModelAndView conflict(RegistryConflictException e, HttpServletRequest request) {
    @SuppressWarnings("unchecked")
    Map<String, String> path =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    long id = Long.parseLong(path.get("id"));
    return new ModelAndView(PAGE, Map.of("page", drafts.page(id, new Drafts.Refusal(HttpStatus.CONFLICT, null,
        null, null, e.getMessage()))), HttpStatus.CONFLICT);
  }

  @ExceptionHandler
  ModelAndView forbidden(AccessDeniedException e) {
    return new ModelAndView("drafting/refused", Map.of("reason", e.getMessage()), HttpStatus.FORBIDDEN);
  }

  @ExceptionHandler
  ModelAndView notFound(NotFoundException e) {
    return new ModelAndView("drafting/refused", Map.of("reason", e.getMessage()), HttpStatus.NOT_FOUND);
  }

  private ModelAndView answer(long id, Drafts.Outcome outcome, RedirectAttributes redirect) {
    if (outcome.refusal() == null) {
      redirect.addFlashAttribute("saved", outcome.saved());
      return new ModelAndView("redirect:/oaps/" + id + "/draft#" + outcome.anchor());
    }
    return new ModelAndView(PAGE, Map.of("page", drafts.page(id, outcome.refusal())), outcome.refusal().status());
  }

  /** Drafting is for the OAP's Driver and the EMPACT Support Unit; nobody else, whatever else it may read. */
  private void requireDrafter(Authentication user, long id) {
    access.requireOneOf(user, "draft OAP " + id + " on screen", EmpactGroups.driver(id), EmpactGroups.SUPPORT_UNIT);
  }
}
