package vn.chibo.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.system.NotFoundException;

/**
 * The parts of the offline app that the server provides: the list of paths the signed-in account keeps
 * offline, the service worker script, the web app manifest and its icons. Only the list needs a
 * session; a browser fetches the manifest, the icons and the worker script without one.
 */
@RestController
class OfflineController {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    /** The theme colour of the manifest, the red of the app icon. */
    static final String THEME_COLOUR = "#b71c1c";

    private static final Logger log = LoggerFactory.getLogger(OfflineController.class);

    private final List<OfflineContent> contents;
    private final OfflineAccounts accounts;
    private final OfflineIcons icons;
    private final MessageSource messages;
    private final byte[] serviceWorker;

    OfflineController(List<OfflineContent> contents, OfflineAccounts accounts, OfflineIcons icons,
            MessageSource messages) {
        this.contents = contents;
        this.accounts = accounts;
        this.icons = icons;
        this.messages = messages;
        this.serviceWorker = read(new ClassPathResource("offline/sw.js"));
    }

    /**
     * The list of what the actor keeps offline: the cache key of the account and the paths, the home page
     * first. Every module's {@link OfflineContent} computes its paths for this actor only.
     */
    @GetMapping(path = "/offline/contents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> contents(Actor actor) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        for (OfflineContent content : contents) {
            content.pathsFor(actor).stream().filter(OfflineController::isLocalPath).forEach(paths::add);
        }
        log.debug("Account {} keeps {} paths offline", actor.accountId(), paths.size());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", accounts.keyOf(actor));
        body.put("paths", new ArrayList<>(paths));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(body);
    }

    /**
     * The service worker. It is served from the root so that its scope is the whole site, and the browser
     * checks it for updates on every visit because it may not be cached.
     */
    @GetMapping("/sw.js")
    ResponseEntity<byte[]> serviceWorker() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .body(serviceWorker);
    }

    /** The web app manifest, always in Vietnamese, the product's language. */
    @GetMapping("/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest() {
        Locale vietnamese = Locale.forLanguageTag("vi");
        String name = messages.getMessage("app.name", null, vietnamese);
        List<Map<String, String>> iconList = new ArrayList<>();
        for (int size : OfflineIcons.SIZES) {
            iconList.add(Map.of("src", "/icons/icon-" + size + ".png", "sizes", size + "x" + size, "type", "image/png",
                    "purpose", "any maskable"));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("short_name", name);
        manifest.put("description", messages.getMessage("offline.manifest.description", null, vietnamese));
        manifest.put("lang", "vi");
        manifest.put("id", "/");
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "standalone");
        manifest.put("background_color", "#ffffff");
        manifest.put("theme_color", THEME_COLOUR);
        manifest.put("icons", iconList);
        return ResponseEntity.ok()
                .contentType(MANIFEST)
                .cacheControl(CacheControl.noCache())
                .body(manifest);
    }

    @GetMapping("/icons/icon-{size}.png")
    ResponseEntity<byte[]> icon(@PathVariable int size) {
        if (!OfflineIcons.offered(size)) {
            throw NotFoundException.hidden();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)))
                .body(icons.png(size));
    }

    /** Returns whether the path names a page of this site: one leading "/", no scheme, no other host. */
    static boolean isLocalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") && !path.contains("://");
    }

    private static byte[] read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read " + resource.getPath(), failure);
        }
    }
}
