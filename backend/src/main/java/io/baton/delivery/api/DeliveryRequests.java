package io.baton.delivery.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baton.apps.App;
import io.baton.apps.Apps;
import io.baton.delivery.DeliveryLog;
import io.baton.delivery.Endpoints;
import io.baton.delivery.EndpointHealth;
import io.baton.delivery.Replays;
import io.baton.graph.AppId;
import io.baton.platform.NotFound;

import org.springframework.stereotype.Component;

/**
 * What the API's delivery endpoints do, for a key or for staff alike: parameters checked,
 * then each request kept inside what its {@link Caller} reaches.
 */
@Component
class DeliveryRequests {

	private final DeliveryLog log;

	private final Replays replays;

	private final Endpoints endpoints;

	private final Apps apps;

	DeliveryRequests(DeliveryLog log, Replays replays, Endpoints endpoints, Apps apps) {
		this.log = log;
		this.replays = replays;
		this.endpoints = endpoints;
		this.apps = apps;
	}

	Mono<DeliveryJson.Page> search(Caller caller, String appId, DeliveryFilter filter) {
		AppId app = DeliveryFilter.app(appId);
		var query = filter.query(app);
		return reach(caller, app).thenMany(this.log.search(caller.tenant(), query))
			.map(DeliveryJson::summary)
			.collectList()
			.map((items) -> new DeliveryJson.Page(items, nextCursor(items, query.limit())));
	}

	Mono<DeliveryJson> find(Caller caller, String deliveryId) {
		long id = DeliveryFilter.number("deliveryId", deliveryId);
		return this.log.find(caller.tenant(), id)
			.filter((view) -> caller.reaches(new AppId(view.appId())))
			.switchIfEmpty(Mono.error(() -> new NotFound("No such delivery.")))
			.map(DeliveryJson::detail);
	}

	Mono<DeliveryJson> replay(Caller caller, String deliveryId) {
		long id = DeliveryFilter.number("deliveryId", deliveryId);
		return Mono.defer(() -> caller.replay(this.replays, id)).map(DeliveryJson::detail);
	}

	Mono<DeliveryJson.Replayed> replayDeadLetters(Caller caller, String appId) {
		AppId app = DeliveryFilter.app(appId);
		return reach(caller, app).then(Mono.defer(() -> caller.replayDeadLetters(this.replays, app)))
			.map(DeliveryJson.Replayed::new);
	}

	Mono<EndpointHealth> endpoint(Caller caller, String appId) {
		AppId app = DeliveryFilter.app(appId);
		return reach(caller, app).then(this.endpoints.health(caller.tenant(), app));
	}

	/** The app, when the caller may reach it: another app's or tenant's is not found. */
	private Mono<App> reach(Caller caller, AppId app) {
		return caller.reaches(app) ? this.apps.find(caller.tenant(), app)
				: Mono.error(() -> new NotFound("No such app."));
	}

	/** The cursor of the next page: the oldest id here, when the page is full. */
	private static @Nullable Long nextCursor(List<DeliveryJson> items, int limit) {
		return (items.size() < limit) ? null : items.get(items.size() - 1).id();
	}

}
