package io.baton.botapi;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baton.apps.ApiKeyHolder;
import io.baton.graph.PageId;
import io.baton.graph.RelayedAnswer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Graph's Messenger endpoints as a bot calls them, under {@code /graph/{version}}: each
 * call is checked against what the key reaches, passed on to Graph for its page, and
 * answered with Graph's status and body unchanged. Any other path is Graph's "unsupported
 * request".
 */
@RestController
class BotGraphEndpoints {

	private static final String VERSION = "/graph/{version:v\\d+\\.\\d+}";

	private final BotPages pages;

	private final PageCalls calls;

	private final OutboundLog log;

	private final List<OutboundPolicy> policies;

	private final BotApiSettings settings;

	BotGraphEndpoints(BotPages pages, PageCalls calls, OutboundLog log, List<OutboundPolicy> policies,
			BotApiSettings settings) {
		this.pages = pages;
		this.calls = calls;
		this.log = log;
		this.policies = policies;
		this.settings = settings;
	}

	/** The Send API: a message, a sender action, or a message that passes the thread. */
	@PostMapping(VERSION + "/{node}/messages")
	Mono<ResponseEntity<byte[]>> send(@PathVariable String version, @PathVariable String node,
			ServerWebExchange exchange) {
		long started = System.nanoTime();
		return key().zipWith(call(exchange))
			.flatMap((request) -> this.pages.named(request.getT1(), node, HttpMethod.POST)
				.flatMap((page) -> checkPolicies(request.getT1(), page, request.getT2())
					.then(this.calls.call(request.getT1(), page,
							request.getT2().relayed(version, "/" + node + "/messages")))
					.flatMap((answered) -> this.log
						.record(request.getT1(), page, request.getT2(), answered,
								(System.nanoTime() - started) / 1_000_000)
						.thenReturn(answered.answer()))))
			.map(BotGraphEndpoints::asGraphAnswered);
	}

	@PostMapping(VERSION
			+ "/{node}/{action:pass_thread_control|take_thread_control|request_thread_control|release_thread_control}")
	Mono<ResponseEntity<byte[]>> threadControl(@PathVariable String version, @PathVariable String node,
			@PathVariable String action, ServerWebExchange exchange) {
		return onPage(exchange, version, node, "/" + action);
	}

	@GetMapping(VERSION + "/{node}/{edge:thread_owner|secondary_receivers}")
	Mono<ResponseEntity<byte[]>> threadState(@PathVariable String version, @PathVariable String node,
			@PathVariable String edge, ServerWebExchange exchange) {
		return onPage(exchange, version, node, "/" + edge);
	}

	@RequestMapping(path = VERSION + "/{node}/messenger_profile",
			method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE })
	Mono<ResponseEntity<byte[]>> messengerProfile(@PathVariable String version, @PathVariable String node,
			ServerWebExchange exchange) {
		return onPage(exchange, version, node, "/messenger_profile");
	}

	/**
	 * {@code me} or one of the key's pages is the page's node; any other id is a person
	 * (a PSID), whose profile is read with the key's page.
	 */
	@GetMapping(VERSION + "/{id}")
	Mono<ResponseEntity<byte[]>> node(@PathVariable String version, @PathVariable String id,
			ServerWebExchange exchange) {
		return key().zipWith(call(exchange))
			.flatMap((request) -> pageOrPerson(request.getT1(), id)
				.flatMap((page) -> this.calls.call(request.getT1(), page, request.getT2().relayed(version, "/" + id))))
			.map((answered) -> asGraphAnswered(answered.answer()));
	}

	@RequestMapping("/graph/**")
	Mono<ResponseEntity<byte[]>> unsupported(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		String[] segments = path.split("/");
		String node = (segments.length > 3) ? segments[3] : "";
		return Mono.error(GraphRefusal.unsupported(exchange.getRequest().getMethod().name(), node));
	}

	private Mono<ResponseEntity<byte[]>> onPage(ServerWebExchange exchange, String version, String node, String edge) {
		HttpMethod method = exchange.getRequest().getMethod();
		return key().zipWith(call(exchange))
			.flatMap((request) -> this.pages.named(request.getT1(), node, method)
				.flatMap((page) -> this.calls.call(request.getT1(), page,
						request.getT2().relayed(version, "/" + node + edge))))
			.map((answered) -> asGraphAnswered(answered.answer()));
	}

	private Mono<PageId> pageOrPerson(ApiKeyHolder key, String id) {
		if ("me".equals(id)) {
			return this.pages.keysPage(key, HttpMethod.GET);
		}
		PageId named = PageId.parse(id).orElseThrow(() -> GraphRefusal.unknownAlias(id));
		return this.pages.reachable(key, named)
			.flatMap((page) -> page ? Mono.just(named) : this.pages.keysPage(key, HttpMethod.GET));
	}

	/** The first refusal of a rule, as an error; nothing when every rule lets it go. */
	private Mono<Void> checkPolicies(ApiKeyHolder key, PageId page, BotCall send) {
		return Flux.fromIterable(this.policies)
			.concatMap((policy) -> policy.refusal(key, page, send))
			.next()
			.flatMap(Mono::<Void>error);
	}

	private Mono<BotCall> call(ServerWebExchange exchange) {
		return BotCall.of(exchange, this.settings.maxBody());
	}

	/** The security chain lets only key holders reach these paths. */
	private static Mono<ApiKeyHolder> key() {
		return ReactiveSecurityContextHolder.getContext()
			.map((context) -> context.getAuthentication().getPrincipal())
			.cast(ApiKeyHolder.class);
	}

	/** Graph's status, type and body, unchanged. */
	private static ResponseEntity<byte[]> asGraphAnswered(RelayedAnswer answer) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
		if (answer.contentType() != null) {
			response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
		}
		return response.body(answer.body());
	}

}
