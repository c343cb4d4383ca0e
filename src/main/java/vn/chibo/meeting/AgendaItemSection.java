package vn.chibo.meeting;

import vn.chibo.account.Actor;

/**
 * Another module's part of the meeting page, drawn under each agenda item, such as the members'
 * opinions. The page inserts the fragment {@code item} of the template that {@link #template()} names,
 * with the variables {@code meeting}, {@code item} (the {@link AgendaItem}) and {@code view} (what
 * {@link #view} returned once for the whole page).
 */
public interface AgendaItemSection {

    /** Returns the Thymeleaf template that holds the fragment {@code item}, such as {@code discussion/agenda}. */
    String template();

    /** Returns what the fragment reads for the actor on this meeting's page. */
    Object view(Actor actor, Meeting meeting);
}
