package vn.chibo.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in actor as {@code currentActor}, for the layout's header. */
@ControllerAdvice
class CurrentActorAdvice {

    @ModelAttribute("currentActor")
    @Nullable Actor currentActor(HttpServletRequest request) {
        return ActorFilter.of(request);
    }
}
