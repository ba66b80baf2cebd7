package io.baton.botapi.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import io.baton.api.JsonApi;
import io.baton.apps.Apps;
import io.baton.botapi.OutboundLog;
import io.baton.botapi.OutboundQuery;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The same outbound log for signed-in staff, under the tenant's id like the dashboard's
 * pages (404 for a tenant the user is not a member of); every member reads.
 */
@JsonApi
@RequestMapping(path = "/api/v1/tenants/{tenantId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sent messages (staff session)")
@SecurityRequirement(name = JsonApi.SESSION)
class TenantMessagesApi {

	private final OutboundLog log;

	private final Apps apps;

	TenantMessagesApi(OutboundLog log, Apps apps) {
		this.log = log;
		this.apps = apps;
	}

	@GetMapping("/apps/{appId}/messages")
	@Operation(summary = "Search what an app's bot sent through the bot API, newest first")
	Mono<MessagesPage> messages(@Parameter(hidden = true) CurrentTenant current, @PathVariable String tenantId,
			@PathVariable String appId, @ParameterObject MessagesFilter filter) {
		AppId app = MessagesFilter.app(appId);
		OutboundQuery query = filter.query(app, null);
		return this.apps.find(current, app)
			.thenMany(this.log.search(current.id(), query))
			.collectList()
			.map((items) -> MessagesPage.of(items, query.limit()));
	}

}
