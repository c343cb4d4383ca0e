package vn.chibo.document.handbook;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.offline.OfflineContent;

/** Keeps the handbook's contents page and every page of it offline, for every signed-in account. */
@Component
class HandbookOfflineContent implements OfflineContent {

    @Override
    public List<String> pathsFor(Actor actor) {
        List<String> paths = new ArrayList<>();
        paths.add("/handbook");
        for (HandbookTopic topic : HandbookTopic.values()) {
            paths.add("/handbook/" + topic.slug());
        }
        return paths;
    }
}
