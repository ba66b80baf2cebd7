package io.baton.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxBrowser;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in through Facebook Login, here the sandbox's dialog, over real HTTP:
 * Baton's OAuth2 client redirects to the dialog, exchanges the code (POST,
 * client_secret_post), reads the user, creates the Baton user and asks for a tenant.
 */
@BatonTest
class SignInTests {

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
		assertThat(browser.get("/").headers().firstValue("Location")).hasValue("/tenants/new");
		assertThat(browser.get("/tenants/new").body()).contains("Create your tenant").contains("Staff Member");
	}

	@Test
	void cancellingTheDialogLeadsBackToTheSignInPageWithAnExplanation() {
		SandboxWorld world = new SandboxWorld(this.environment);
		SandboxBrowser browser = world.browser;

		HttpResponse<String> choose = browser
			.get(browser.get("/oauth2/authorization/facebook").headers().firstValue("Location").orElseThrow());
		HttpResponse<String> signedIn = browser.post("/sandbox/dialog/oauth/person", choose.body(),
				Map.of("name", List.of("Cautious Carl")));
		HttpResponse<String> consent = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
		String callback = world.cancel(consent);
		HttpResponse<String> landed = browser.get(callback);

		assertThat(callback).contains("error=access_denied");
		assertThat(landed.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(browser.get("/login?error").body()).contains("Sign-in did not complete");
	}

}
