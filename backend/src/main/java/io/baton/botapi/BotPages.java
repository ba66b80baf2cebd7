package io.baton.botapi;

import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeyHolder;
import io.baton.graph.PageId;
import io.baton.tokens.PageTokens;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Which page a bot's call acts for: the page its path names, or for {@code me} the key's
 * page. A key reaches only the pages its app is connected to in its own tenant (and only
 * its one page when limited to it); anything else is refused before Graph is called.
 */
@Component
class BotPages {

	private final PageTokens tokens;

	BotPages(PageTokens tokens) {
		this.tokens = tokens;
	}

	/** The page {@code node} ({@code me} or a page id) means for this key. */
	Mono<PageId> named(ApiKeyHolder key, String node, HttpMethod method) {
		if ("me".equals(node)) {
			return keysPage(key, method);
		}
		PageId page = PageId.parse(node).orElseThrow(() -> GraphRefusal.unknownAlias(node));
		return reachable(key, page).flatMap((reached) -> reached ? Mono.just(page)
				: Mono.error(() -> GraphRefusal.unsupported(method.name(), node)));
	}

	/**
	 * The page of {@code me}: the key's own, or the app's only page; a key serving
	 * several pages must name one.
	 */
	Mono<PageId> keysPage(ApiKeyHolder key, HttpMethod method) {
		if (key.page() != null) {
			return named(key, key.page().value(), method);
		}
		return this.tokens.connectedPages(key.tenant(), key.app())
			.take(2)
			.collectList()
			.flatMap((pages) -> switch (pages.size()) {
				case 0 -> Mono.error(GraphRefusal.unsupported(method.name(), "me"));
				case 1 -> Mono.just(pages.get(0));
				default -> Mono.error(GraphRefusal.severalPages());
			});
	}

	/** Whether the id is a page this key serves (so a read of it is the page's node). */
	Mono<Boolean> reachable(ApiKeyHolder key, PageId page) {
		if (key.page() != null && !key.page().equals(page)) {
			return Mono.just(false);
		}
		return this.tokens.connectedPages(key.tenant(), key.app()).any(page::equals);
	}

}
