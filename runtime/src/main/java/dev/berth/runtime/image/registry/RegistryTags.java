package dev.berth.runtime.image.registry;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A repository's tags ({@code GET /v2/<name>/tags/list}), every page of them: a registry sends at most {@code n} per
 * answer and names the next page in a {@code Link} header, which is followed only on the same registry (a link
 * elsewhere would carry the credentials on).
 */
final class RegistryTags {
    /** Pages followed at most; more is a registry that keeps sending pages. */
    private static final int MAX_PAGES = 1000;
    private static final long MAX_PAGE_BYTES = 4L * 1024 * 1024;

    /** The distribution-spec answer. */
    private record TagList(String name, List<String> tags) {}

    private RegistryTags() {}

    static List<String> list(RegistryHttp http, ImageReference repository, RegistryErrors.Context context) {
        List<String> all = new ArrayList<>();
        URI next = http.endpoint().resolve("/v2/" + repository.path() + "/tags/list?n=1000");
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new EngineException("registry " + http.endpoint().host() + " sent more than " + MAX_PAGES
                        + " pages of tags for " + repository.familiarRepository());
            }
            HttpResponse<InputStream> response = http.send(RegistryRequest.get(next, Map.of()));
            if (response.statusCode() != 200) {
                throw RegistryHttp.failure(response, context);
            }
            try {
                TagList list = Json.MAPPER.readValue(RegistryHttp.readBody(response, MAX_PAGE_BYTES), TagList.class);
                if (list.tags() != null) {
                    all.addAll(list.tags());
                }
            } catch (IOException e) {
                throw RegistryHttp.unreachable(http.endpoint().host(), RegistryRequest.get(next, Map.of()), e);
            }
            next = nextPage(http.endpoint().base(), response.headers().firstValue("Link").orElse(null));
        }
        return List.copyOf(all);
    }

    /** The target of a {@code Link: </v2/...?last=x&n=100>; rel="next"} header, if it is on {@code base}'s registry. */
    static URI nextPage(URI base, String link) {
        if (link == null || !link.contains("rel=\"next\"") || link.indexOf('<') < 0
                || link.indexOf('>') < link.indexOf('<')) {
            return null;
        }
        URI target = base.resolve(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return Objects.equals(target.getHost(), base.getHost()) && target.getPort() == base.getPort() ? target : null;
    }
}
