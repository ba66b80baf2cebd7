package io.baton.delivery.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import io.baton.api.JsonApi;
import io.baton.apps.ApiKeyHolder;
import io.baton.delivery.EndpointHealth;

import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The delivery API as an app's bot automation calls it, with the app's API key. */
@JsonApi
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deliveries (API key)")
@SecurityRequirement(name = JsonApi.KEY)
class AppDeliveriesApi {

	private final DeliveryRequests requests;

	AppDeliveriesApi(DeliveryRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/apps/{appId}/deliveries")
	@Operation(summary = "Search the app's delivery log, newest first")
	Mono<DeliveryJson.Page> deliveries(@PathVariable String appId, @ParameterObject DeliveryFilter filter) {
		return key().flatMap((key) -> this.requests.search(key, appId, filter));
	}

	@GetMapping("/deliveries/{deliveryId}")
	@Operation(summary = "One delivery with its payload and every attempt")
	Mono<DeliveryJson> delivery(@PathVariable String deliveryId) {
		return key().flatMap((key) -> this.requests.find(key, deliveryId));
	}

	@PostMapping("/deliveries/{deliveryId}/replay")
	@Operation(summary = "Send a delivery again, at once")
	Mono<DeliveryJson> replay(@PathVariable String deliveryId) {
		return key().flatMap((key) -> this.requests.replay(key, deliveryId));
	}

	@PostMapping("/apps/{appId}/dead-letters/replay")
	@Operation(summary = "Send every dead letter of the app again, in order")
	Mono<DeliveryJson.Replayed> replayDeadLetters(@PathVariable String appId) {
		return key().flatMap((key) -> this.requests.replayDeadLetters(key, appId));
	}

	@GetMapping("/apps/{appId}/endpoint")
	@Operation(summary = "The app's bot endpoint: circuit, failures, what waits")
	Mono<EndpointHealth> endpoint(@PathVariable String appId) {
		return key().flatMap((key) -> this.requests.endpoint(key, appId));
	}

	/** The security chain lets only key holders reach these paths. */
	private static Mono<Caller> key() {
		return ReactiveSecurityContextHolder.getContext()
			.map((context) -> context.getAuthentication().getPrincipal())
			.cast(ApiKeyHolder.class)
			.map(Caller.Key::new);
	}

}
