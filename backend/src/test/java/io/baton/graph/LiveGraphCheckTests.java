package io.baton.graph;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the sandbox off, Baton refuses to start while Graph or Login still point at it.
 */
class LiveGraphCheckTests {

	@Test
	void refusesTheSandboxGraphWhenTheSandboxIsOff() {
		MockEnvironment production = new MockEnvironment().withProperty("baton.sandbox.enabled", "false");

		assertThatThrownBy(() -> check(production, "http://localhost:8080/sandbox/graph").afterPropertiesSet())
			.hasMessageContaining("BATON_GRAPH_BASE_URL");
		assertThatThrownBy(() -> check(
				production.withProperty("baton.login.dialog-url", "http://localhost:8080/sandbox/dialog/oauth"),
				"https://graph.facebook.com")
			.afterPropertiesSet()).hasMessageContaining("BATON_LOGIN_DIALOG_URL");
	}

	@Test
	void acceptsTheRealGraphLiveAndTheSandboxWhenItIsOn() {
		MockEnvironment production = new MockEnvironment().withProperty("baton.sandbox.enabled", "false")
			.withProperty("baton.login.dialog-url", "https://www.facebook.com/v24.0/dialog/oauth");
		MockEnvironment sandbox = new MockEnvironment().withProperty("baton.sandbox.enabled", "true");

		assertThatNoException().isThrownBy(() -> check(production, "https://graph.facebook.com").afterPropertiesSet());
		assertThatNoException()
			.isThrownBy(() -> check(sandbox, "http://localhost:8080/sandbox/graph").afterPropertiesSet());
	}

	private static LiveGraphCheck check(MockEnvironment environment, String baseUrl) {
		return new LiveGraphCheck(environment,
				new GraphSettings(URI.create(baseUrl), "v24.0", Duration.ofSeconds(1), 10));
	}

}
