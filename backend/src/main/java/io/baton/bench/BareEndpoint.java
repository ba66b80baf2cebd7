package io.baton.bench;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the body and answers 200, nothing else: what WebFlux on this machine can do at
 * most, to set the ingress figures beside.
 */
@RestController
@ConditionalOnProperty(name = "baton.bench.enabled", havingValue = "true")
class BareEndpoint {

	@PostMapping("/bench/bare/{appId}")
	Mono<ResponseEntity<String>> bare(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody())
			.doOnNext(DataBufferUtils::release)
			.then(Mono.just(ResponseEntity.ok("EVENT_RECEIVED")));
	}

}
