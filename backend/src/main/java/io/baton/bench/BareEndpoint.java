package io.baton.bench;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the body and answers 200, nothing else: what WebFlux on this machine can do at
 * most, to set the ingress figures beside. Exists only with {@code baton.bench.enabled};
 * reads at most a webhook's default limit.
 */
@RestController
@ConditionalOnProperty(name = "baton.bench.enabled", havingValue = "true")
class BareEndpoint {

	/** The webhook endpoint's default body limit (1 MB). */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	@PostMapping("/bench/bare/{appId}")
	Mono<ResponseEntity<String>> bare(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
			.doOnNext(DataBufferUtils::release)
			.then(Mono.just(ResponseEntity.ok("EVENT_RECEIVED")))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body("Too large")));
	}

}
