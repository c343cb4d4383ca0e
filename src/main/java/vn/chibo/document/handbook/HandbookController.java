package vn.chibo.document.handbook;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.account.Actor;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The handbook's pages: the contents, one page with the reader's bookmark and note, the page of the
 * reader's own bookmarks and notes, and the administrators' edit form.
 */
@Controller
class HandbookController {

    private final Handbook handbook;
    private final HandbookMarks marks;

    HandbookController(Handbook handbook, HandbookMarks marks) {
        this.handbook = handbook;
        this.marks = marks;
    }

    @GetMapping("/handbook")
    String contents(Actor actor, Locale locale, Model model) {
        HandbookLanguage language = HandbookLanguage.of(locale);
        model.addAttribute("pages", handbook.contents(language));
        model.addAttribute("bookmarked", marks.of(actor).stream().filter(HandbookMarks.Mark::bookmarked)
                .map(HandbookMarks.Mark::topic).collect(Collectors.toSet()));
        return "handbook/contents";
    }

    @GetMapping("/handbook/{slug}")
    String page(Actor actor, @PathVariable String slug, Locale locale, Model model) {
        Handbook.PageView page = handbook.read(slug, HandbookLanguage.of(locale));

        model.addAttribute("page", page);
        model.addAttribute("asked", HandbookLanguage.of(locale));
        model.addAttribute("marks", marks.on(actor, page.topic()));
        model.addAttribute("mayEdit", handbook.mayEdit(actor));
        model.addAttribute("maxNoteLength", HandbookMarks.MAX_NOTE_LENGTH);
        return "handbook/page";
    }

    @PostMapping("/handbook/{slug}/bookmark")
    String bookmark(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "true") boolean on,
            RedirectAttributes redirect) {
        marks.bookmark(actor, slug, on);

        redirect.addFlashAttribute(FlashMessage.SUCCESS,
                new FlashMessage(on ? "handbook.bookmark.added" : "handbook.bookmark.removed"));
        return "redirect:" + pagePath(slug);
    }

    @PostMapping("/handbook/{slug}/note")
    String note(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        try {
            marks.saveNote(actor, slug, body);
        }
        catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(FlashMessage.ERROR,
                    new FlashMessage(invalid.messageKey(), invalid.messageArguments()));
            redirect.addFlashAttribute("noteDraft", body);
            return "redirect:" + pagePath(slug) + "#note";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(body.isBlank() ? "handbook.note.deleted"
                : "handbook.note.saved"));
        return "redirect:" + pagePath(slug) + "#note";
    }

    @GetMapping("/handbook/mine")
    String mine(Actor actor, Locale locale, Model model) {
        model.addAttribute("marks", marks.of(actor));
        model.addAttribute("titles", handbook.contents(HandbookLanguage.of(locale)).stream()
                .collect(Collectors.toMap(Handbook.PageView::topic, Handbook.PageView::title)));
        return "handbook/mine";
    }

    @PostMapping("/handbook/mine/delete")
    String deleteMine(Actor actor, RedirectAttributes redirect) {
        marks.deleteAll(actor);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("handbook.mine.deleted"));
        return "redirect:/handbook/mine";
    }

    @GetMapping("/handbook/{slug}/edit")
    String editForm(Actor actor, @PathVariable String slug, @RequestParam(required = false) String language,
            Locale locale, Model model) {
        handbook.requireEditor(actor);

        HandbookLanguage chosen = languageOf(language, locale);
        Optional<HandbookPage> current = handbook.forEditing(actor, slug, chosen);

        editModel(model, actor, slug, chosen, current.map(HandbookPage::title).orElse(""),
                current.map(HandbookPage::markdown).orElse(""));
        return "handbook/edit";
    }

    @PostMapping("/handbook/{slug}/edit")
    ModelAndView edit(Actor actor, @PathVariable String slug, @RequestParam String language,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String markdown,
            Model model, RedirectAttributes redirect) {
        handbook.requireEditor(actor);

        HandbookLanguage chosen = HandbookLanguage.ofCode(language)
                .orElseThrow(() -> new InvalidInputException("handbook.edit.error.language", language));
        int version;
        try {
            version = handbook.edit(actor, slug, chosen, title, markdown);
        }
        catch (InvalidInputException invalid) {
            editModel(model, actor, slug, chosen, title, markdown);
            model.addAttribute("error", new FlashMessage(invalid.messageKey(), invalid.messageArguments()));
            return new ModelAndView("handbook/edit", model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("handbook.edit.saved", version));
        return new ModelAndView("redirect:" + pagePath(slug) + "/edit?language=" + chosen.code());
    }

    /** Fills the edit form, with the saved text rendered below it as the reader sees it. */
    private void editModel(Model model, Actor actor, String slug, HandbookLanguage language, String title,
            String markdown) {
        Optional<HandbookPage> saved = handbook.forEditing(actor, slug, language);
        model.addAttribute("slug", slug);
        model.addAttribute("language", language);
        model.addAttribute("languages", HandbookLanguage.values());
        model.addAttribute("draftTitle", title);
        model.addAttribute("markdown", markdown);
        model.addAttribute("saved", saved.orElse(null));
        model.addAttribute("savedHtml", saved.map(handbook::htmlOf).orElse(null));
        model.addAttribute("versions", handbook.versionCount(slug, language));
        model.addAttribute("maxLength", Handbook.MAX_MARKDOWN_LENGTH);
    }

    private static HandbookLanguage languageOf(String language, Locale locale) {
        if (language == null) {
            return HandbookLanguage.of(locale);
        }
        return HandbookLanguage.ofCode(language).orElseThrow(NotFoundException::hidden);
    }

    private static String pagePath(String slug) {
        HandbookTopic topic = HandbookTopic.ofSlug(slug).orElseThrow(NotFoundException::hidden);
        return UriComponentsBuilder.fromPath("/handbook/{slug}").buildAndExpand(topic.slug()).toUriString();
    }
}
