package io.baton.botapi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import io.baton.api.JsonApi;
import io.baton.apps.ApiKeyHolder;
import io.baton.apps.Apps;
import io.baton.botapi.OutboundLog;
import io.baton.botapi.OutboundQuery;
import io.baton.graph.AppId;
import io.baton.platform.NotFound;

import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The outbound log as an app's automation reads it, with the app's API key. */
@JsonApi
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sent messages (API key)")
@SecurityRequirement(name = JsonApi.KEY)
class AppMessagesApi {

	private final OutboundLog log;

	private final Apps apps;

	AppMessagesApi(OutboundLog log, Apps apps) {
		this.log = log;
		this.apps = apps;
	}

	@GetMapping("/apps/{appId}/messages")
	@Operation(summary = "Search what the app's bot sent through the bot API, newest first")
	Mono<MessagesPage> messages(@PathVariable String appId, @ParameterObject MessagesFilter filter) {
		AppId app = MessagesFilter.app(appId);
		return key().flatMap((key) -> {
			if (!key.app().equals(app)) {
				return Mono.error(new NotFound("No such app."));
			}
			OutboundQuery query = filter.query(app, key.page());
			return this.apps.find(key.tenant(), app)
				.thenMany(this.log.search(key.tenant(), query))
				.collectList()
				.map((items) -> MessagesPage.of(items, query.limit()));
		});
	}

	/** The security chain lets only key holders reach these paths. */
	private static Mono<ApiKeyHolder> key() {
		return ReactiveSecurityContextHolder.getContext()
			.map((context) -> context.getAuthentication().getPrincipal())
			.cast(ApiKeyHolder.class);
	}

}
