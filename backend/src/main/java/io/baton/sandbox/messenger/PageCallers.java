package io.baton.sandbox.messenger;

import io.baton.sandbox.ConditionalOnSandbox;
import io.baton.sandbox.graph.AccessTokens;
import io.baton.sandbox.graph.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Checks a Messenger call's token: a valid page token (of the page in the path, when
 * there is one) whose person granted the app {@code pages_messaging}.
 */
@Component
@ConditionalOnSandbox
public class PageCallers {

	private final AccessTokens tokens;

	private final DatabaseClient database;

	PageCallers(AccessTokens tokens, DatabaseClient database) {
		this.tokens = tokens;
		this.database = database;
	}

	/**
	 * {@code pathPageId} is the page of {@code /{page-id}/…}, or {@code null} for /me.
	 */
	public Mono<PageCaller> check(MessengerCall call, @Nullable String pathPageId) {
		String token = call.token();
		if (token == null) {
			return Mono.error(MessengerErrors.tokenRequired());
		}
		return this.tokens.check(token).flatMap((caller) -> pageCaller(call, token, caller, pathPageId));
	}

	private Mono<PageCaller> pageCaller(MessengerCall call, String token, Caller caller, @Nullable String pathPageId) {
		if (!caller.isPage() || caller.pageId() == null || caller.userId() == null) {
			return Mono.error(MessengerErrors.pageTokenRequired());
		}
		if (pathPageId != null && !pathPageId.equals(caller.pageId())) {
			return Mono.error(MessengerErrors.unsupportedPost(pathPageId));
		}
		call.request().checkAppsecretProof(token, caller.app().secret(), caller.app().appsecretProofRequired());
		PageCaller pageCaller = new PageCaller(caller.app(), caller.pageId(), caller.userId());
		return this.database.sql(MessengerRows.PAGES_MESSAGING_GRANTED)
			.bind("app", caller.app().id())
			.bind("user", caller.userId())
			.map((row) -> pageCaller)
			.one()
			.switchIfEmpty(Mono.error(MessengerErrors::noPagesMessaging));
	}

}
