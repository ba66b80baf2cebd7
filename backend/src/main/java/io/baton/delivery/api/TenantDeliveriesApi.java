package io.baton.delivery.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import io.baton.api.JsonApi;
import io.baton.delivery.EndpointHealth;
import io.baton.tenancy.CurrentTenant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The same delivery API for signed-in staff, under the tenant's id like the dashboard's
 * pages: the {@link CurrentTenant} argument is resolved from the session and the
 * {@code tenantId} (404 for a tenant the user is not a member of); viewers read, other
 * roles replay too.
 */
@JsonApi
@RequestMapping(path = "/api/v1/tenants/{tenantId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deliveries (staff session)")
@SecurityRequirement(name = JsonApi.SESSION)
class TenantDeliveriesApi {

	private final DeliveryRequests requests;

	TenantDeliveriesApi(DeliveryRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/apps/{appId}/deliveries")
	@Operation(summary = "Search an app's delivery log, newest first")
	Mono<DeliveryJson.Page> deliveries(@Parameter(hidden = true) CurrentTenant current, @PathVariable String tenantId,
			@PathVariable String appId, @ParameterObject DeliveryFilter filter) {
		return this.requests.search(new Caller.Staff(current), appId, filter);
	}

	@GetMapping("/deliveries/{deliveryId}")
	@Operation(summary = "One delivery with its payload and every attempt")
	Mono<DeliveryJson> delivery(@Parameter(hidden = true) CurrentTenant current, @PathVariable String tenantId,
			@PathVariable String deliveryId) {
		return this.requests.find(new Caller.Staff(current), deliveryId);
	}

	@PostMapping("/deliveries/{deliveryId}/replay")
	@Operation(summary = "Send a delivery again, at once (not for viewers; needs the CSRF token)")
	Mono<DeliveryJson> replay(@Parameter(hidden = true) CurrentTenant current, @PathVariable String tenantId,
			@PathVariable String deliveryId) {
		return this.requests.replay(new Caller.Staff(current), deliveryId);
	}

	@PostMapping("/apps/{appId}/dead-letters/replay")
	@Operation(summary = "Send every dead letter of an app again (not for viewers; needs the CSRF token)")
	Mono<DeliveryJson.Replayed> replayDeadLetters(@Parameter(hidden = true) CurrentTenant current,
			@PathVariable String tenantId, @PathVariable String appId) {
		return this.requests.replayDeadLetters(new Caller.Staff(current), appId);
	}

	@GetMapping("/apps/{appId}/endpoint")
	@Operation(summary = "An app's bot endpoint: circuit, failures, what waits")
	Mono<EndpointHealth> endpoint(@Parameter(hidden = true) CurrentTenant current, @PathVariable String tenantId,
			@PathVariable String appId) {
		return this.requests.endpoint(new Caller.Staff(current), appId);
	}

}
