package io.baton.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.baton.testing.TestHttp;

import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at {@code /v3/api-docs} is public, describes every
 * {@code /api/v1} handler with its method and nothing else, and declares how to
 * authenticate.
 */
@SuppressWarnings("unchecked")
@BatonTest
class ApiDocsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Value("${baton.public-url}")
	String baseUrl;

	@Test
	void describesEveryApiHandlerWithItsMethodAndNoOtherPath() {
		Map<String, Object> paths = (Map<String, Object>) document().get("paths");
		List<String> handlers = apiHandlers();

		assertThat(handlers).hasSizeGreaterThanOrEqualTo(10);
		for (String handler : handlers) {
			String[] methodAndPath = handler.split(" ", 2);
			assertThat(paths).as(handler).containsKey(methodAndPath[1]);
			assertThat((Map<String, Object>) paths.get(methodAndPath[1])).as(handler)
				.containsKey(methodAndPath[0].toLowerCase(Locale.ROOT));
		}
		assertThat(paths.keySet()).allSatisfy((path) -> assertThat((String) path).startsWith("/api/v1/"));
	}

	@Test
	void declaresTheBearerKeyAndTheSessionAndProblemResponses() {
		Map<String, Object> document = document();
		Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
			.get("securitySchemes");

		assertThat(schemes).containsKeys("bearerAuth", "session");
		assertThat((Map<String, Object>) schemes.get("bearerAuth")).containsEntry("type", "http")
			.containsEntry("scheme", "bearer");
		Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
			.get("paths")).get("/api/v1/deliveries/{deliveryId}")).get("get");
		assertThat((Map<String, Object>) get.get("responses")).containsKeys("200", "400", "401", "403", "404");
	}

	private Map<String, Object> document() {
		return WebTestClient.bindToServer()
			.baseUrl(this.baseUrl)
			.responseTimeout(TestHttp.ANSWER)
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private List<String> apiHandlers() {
		List<String> handlers = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
				if (pattern.getPatternString().startsWith("/api/v1/")) {
					methods.forEach((method) -> handlers.add(method.name() + " " + pattern.getPatternString()));
				}
			}
		}
		return handlers;
	}

}
