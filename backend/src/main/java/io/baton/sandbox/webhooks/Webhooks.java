package io.baton.sandbox.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.ConditionalOnSandbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns a page event into webhook updates: one outbox row per app subscribed to the
 * page's field at both the app and the page level, under {@code messaging} for the thread
 * owner and under {@code standby} for the other apps that subscribed to standby.
 */
@Component
@ConditionalOnSandbox
public class Webhooks {

	static final String STANDBY = "standby";

	private final Subscribers subscribers;

	private final Outbox outbox;

	private final SandboxClock clock;

	private final Deliveries deliveries;

	Webhooks(Subscribers subscribers, Outbox outbox, SandboxClock clock, Deliveries deliveries) {
		this.subscribers = subscribers;
		this.outbox = outbox;
		this.clock = clock;
		this.deliveries = deliveries;
	}

	/**
	 * Queues {@code event} (one item of {@code messaging}) of {@code field} on page
	 * {@code pageId} for every app that should see it.
	 */
	public Mono<Void> publish(String pageId, String field, Map<String, Object> event, Routing routing) {
		long time = this.clock.instant().toEpochMilli();
		return this.subscribers.of(pageId)
			.flatMap((subscriber) -> Flux.fromIterable(updateFor(subscriber, field, event, routing, pageId, time)))
			.concatMap((update) -> this.outbox.enqueue(update.appId(), pageId, update.entry()))
			.then(Mono.fromRunnable(this.deliveries::wakeUp));
	}

	private static List<Update> updateFor(Subscriber subscriber, String field, Map<String, Object> event,
			Routing routing, String pageId, long time) {
		if (routing.onlyApp() != null) {
			return (routing.onlyApp().equals(subscriber.appId()) && subscriber.has(field))
					? List.of(new Update(subscriber.appId(), entry(pageId, time, "messaging", event))) : List.of();
		}
		boolean owner = routing.threadOwner() == null || routing.threadOwner().equals(subscriber.appId());
		if (owner && subscriber.has(field)) {
			return List.of(new Update(subscriber.appId(), entry(pageId, time, "messaging", event)));
		}
		if (!owner && subscriber.has(STANDBY)) {
			return List.of(new Update(subscriber.appId(), entry(pageId, time, STANDBY, standby(event))));
		}
		return List.of();
	}

	/** Postbacks in standby carry no payload. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> standby(Map<String, Object> event) {
		if (!(event.get("postback") instanceof Map<?, ?> postback)) {
			return event;
		}
		Map<String, Object> copy = new LinkedHashMap<>(event);
		Map<String, Object> withoutPayload = new LinkedHashMap<>((Map<String, Object>) postback);
		withoutPayload.remove("payload");
		copy.put("postback", withoutPayload);
		return copy;
	}

	private static Map<String, Object> entry(String pageId, long time, String key, Map<String, Object> event) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", pageId);
		entry.put("time", time);
		entry.put(key, List.of(event));
		return entry;
	}

	private record Update(String appId, Map<String, Object> entry) {

	}

}
