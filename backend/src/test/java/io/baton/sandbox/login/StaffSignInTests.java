package io.baton.sandbox.login;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxBrowser;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's OAuth2 client, configured as Baton's application.yml configures it,
 * signs in against the sandbox over HTTP: dialog, code exchange (POST,
 * client_secret_post) and user info.
 */
@BatonTest
class StaffSignInTests {

	@Autowired
	Environment environment;

	@Test
	void signsInWithSpringSecuritysOAuth2ClientAgainstTheSandbox() {
		SandboxWorld world = new SandboxWorld(this.environment);
		SandboxBrowser browser = world.browser;

		HttpResponse<String> start = browser.get("/oauth2/authorization/facebook");
		String dialogUrl = start.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> choose = browser.get(dialogUrl);
		HttpResponse<String> signedIn = browser.post("/sandbox/dialog/oauth/person", choose.body(),
				Map.of("name", List.of("Staff Member")));
		HttpResponse<String> consent = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
		String callback = world.consent(consent, List.of());
		HttpResponse<String> landed = browser.get(callback);

		assertThat(dialogUrl)
			.startsWith(world.loginRedirectUri().replace("/login/oauth2/code/facebook", "") + "/sandbox/dialog/oauth?");
		assertThat(callback).startsWith(world.loginRedirectUri() + "?code=");
		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(landed.headers().firstValue("Location")).hasValue("/");
	}

	/** Stands in for Baton's own chain, which signs staff in with OAuth2. */
	@TestConfiguration
	static class BatonLikeChain {

		@Bean
		SecurityWebFilterChain batonLikeChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.oauth2Login((login) -> {
				})
				.build();
		}

	}

}
