package io.baton.delivery.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.Apps;
import io.baton.delivery.DeliveryHealth;
import io.baton.delivery.DeliveryLog;
import io.baton.delivery.DeliveryQuery;
import io.baton.delivery.DeliveryStatus;
import io.baton.delivery.DeliveryView;
import io.baton.delivery.Endpoints;
import io.baton.delivery.Replays;
import io.baton.delivery.TestEvents;
import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;
import io.baton.ingress.WebhookHealth;
import io.baton.tenancy.CurrentTenant;
import io.baton.platform.NotFound;
import io.baton.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/**
 * An app's data plane on the dashboard: its health page (figures and chart), the
 * searchable delivery log, one delivery with every attempt, and the actions on them:
 * replay, replay of all dead letters, a test event, re-enabling the endpoint.
 */
@Controller
class DeliveriesController {

	private final Apps apps;

	private final DeliveryLog deliveries;

	private final Replays replays;

	private final TestEvents testEvents;

	private final Endpoints endpoints;

	private final DeliveryHealth deliveryHealth;

	private final WebhookHealth intakeHealth;

	DeliveriesController(Apps apps, DeliveryLog deliveries, Replays replays, TestEvents testEvents, Endpoints endpoints,
			DeliveryHealth deliveryHealth, WebhookHealth intakeHealth) {
		this.apps = apps;
		this.deliveries = deliveries;
		this.replays = replays;
		this.testEvents = testEvents;
		this.endpoints = endpoints;
		this.deliveryHealth = deliveryHealth;
		this.intakeHealth = intakeHealth;
	}

	@GetMapping("/t/{tenantId}/apps/{appId}/health")
	Mono<String> health(CurrentTenant current, @PathVariable String appId, Model model) {
		AppId app = app(appId);
		return this.apps.find(current, app)
			.doOnNext((found) -> model.addAttribute("app", found))
			.then(this.intakeHealth.figures(current, app, Duration.ofHours(24)))
			.doOnNext((figures) -> {
				model.addAttribute("intake", figures);
				model.addAttribute("refused",
						figures.rejectedByReason().values().stream().mapToLong(Long::longValue).sum());
			})
			.then(this.deliveryHealth.figures(current.id(), app, Duration.ofHours(24)))
			.doOnNext((figures) -> {
				model.addAttribute("figures", figures);
				model.addAttribute("chart", HourlyChart.of(figures.hours()));
			})
			.then(this.endpoints.health(current.id(), app))
			.doOnNext((endpoint) -> model.addAttribute("endpoint", endpoint))
			.thenReturn("delivery/health");
	}

	@GetMapping("/t/{tenantId}/apps/{appId}/deliveries")
	Mono<String> log(CurrentTenant current, @PathVariable String appId,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		AppId app = app(appId);
		DeliveryQuery query = query(app, params);
		model.addAttribute("query", query);
		model.addAttribute("filter", new Filter(text(params, "page"), text(params, "psid"), text(params, "mid"),
				text(params, "status"), text(params, "from"), text(params, "until")));
		return this.apps.find(current, app)
			.doOnNext((found) -> model.addAttribute("app", found))
			.thenMany(matchable(params) ? this.deliveries.search(current.id(), query) : Flux.empty())
			.collectList()
			.doOnNext((list) -> {
				model.addAttribute("deliveries", list);
				model.addAttribute("nextBefore",
						(list.size() == query.limit()) ? list.get(list.size() - 1).id() : null);
			})
			.then(this.endpoints.health(current.id(), app))
			.doOnNext((endpoint) -> model.addAttribute("endpoint", endpoint))
			.thenReturn("delivery/deliveries");
	}

	@GetMapping("/t/{tenantId}/apps/{appId}/deliveries/{deliveryId}")
	Mono<String> delivery(CurrentTenant current, @PathVariable String appId, @PathVariable String deliveryId,
			Model model) {
		AppId app = app(appId);
		return this.apps.find(current, app)
			.doOnNext((found) -> model.addAttribute("app", found))
			.then(ofApp(current, app, deliveryId))
			.doOnNext((found) -> model.addAttribute("delivery", found))
			.thenReturn("delivery/delivery");
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/deliveries/{deliveryId}/replay")
	Mono<String> replay(CurrentTenant current, @PathVariable String appId, @PathVariable String deliveryId,
			ServerWebExchange exchange) {
		AppId app = app(appId);
		return ofApp(current, app, deliveryId).flatMap((found) -> this.replays.replay(current, found.id()))
			.flatMap((replayed) -> Flash.success(exchange, "Delivery " + replayed.id() + " is being sent again.")
				.thenReturn("redirect:/t/" + current.id() + "/apps/" + app + "/deliveries/" + replayed.id()));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/dead-letters/replay")
	Mono<String> replayDeadLetters(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.apps.find(current, app)
			.then(this.replays.replayDeadLetters(current, app))
			.flatMap((count) -> Flash.success(exchange,
					(count == 0) ? "There were no dead letters." : count + " dead letters are being sent again."))
			.thenReturn("redirect:/t/" + current.id() + "/apps/" + app + "/deliveries");
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/test-event")
	Mono<String> testEvent(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.testEvents.send(current, app)
			.flatMap((id) -> Flash.success(exchange, "Test event queued as delivery " + id + ".")
				.thenReturn("redirect:/t/" + current.id() + "/apps/" + app + "/deliveries/" + id));
	}

	@PostMapping("/t/{tenantId}/apps/{appId}/endpoint/enable")
	Mono<String> enableEndpoint(CurrentTenant current, @PathVariable String appId, ServerWebExchange exchange) {
		AppId app = app(appId);
		return this.endpoints.enable(current, app)
			.then(Flash.success(exchange, "The bot endpoint is enabled again; waiting deliveries go out now."))
			.thenReturn("redirect:/t/" + current.id() + "/apps/" + app + "/health");
	}

	private Mono<DeliveryView> ofApp(CurrentTenant current, AppId app, String deliveryId) {
		return this.deliveries.find(current.id(), id(deliveryId))
			.filter((found) -> found.appId().equals(app.value()))
			.switchIfEmpty(Mono.error(() -> new NotFound("No such delivery.")));
	}

	private static DeliveryQuery query(AppId app, MultiValueMap<String, String> params) {
		String status = text(params, "status");
		String before = text(params, "before");
		return new DeliveryQuery(app, id(params, "page", PageId::parse), id(params, "psid", Psid::parse),
				text(params, "mid"), (status != null) ? DeliveryStatus.parse(status).orElse(null) : null,
				time(params, "from"), time(params, "until"),
				(before != null && before.matches("[0-9]{1,18}")) ? Long.valueOf(before) : null,
				DeliveryQuery.PAGE_SIZE);
	}

	/** Whether the page and person typed are ids at all: another text matches nothing. */
	private static boolean matchable(MultiValueMap<String, String> params) {
		return (text(params, "page") == null || id(params, "page", PageId::parse) != null)
				&& (text(params, "psid") == null || id(params, "psid", Psid::parse) != null);
	}

	private static <T> @Nullable T id(MultiValueMap<String, String> params, String name,
			Function<String, Optional<T>> parse) {
		String text = text(params, name);
		return (text != null) ? parse.apply(text).orElse(null) : null;
	}

	/**
	 * A time from a {@code datetime-local} field (read as UTC) or ISO-8601; else none.
	 */
	private static Instant time(MultiValueMap<String, String> params, String name) {
		String text = text(params, name);
		if (text == null) {
			return null;
		}
		try {
			return text.endsWith("Z") ? Instant.parse(text)
					: java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static AppId app(String text) {
		return AppId.parse(text).orElseThrow(() -> new NotFound("No such app."));
	}

	private static long id(String text) {
		if (!text.matches("[0-9]{1,18}")) {
			throw new NotFound("No such delivery.");
		}
		return Long.parseLong(text);
	}

	/** The log's filter as typed, to fill the form again. */
	public record Filter(String page, String psid, String mid, String status, String from, String until) {

		public List<String> statuses() {
			return Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::value).toList();
		}

	}

}
