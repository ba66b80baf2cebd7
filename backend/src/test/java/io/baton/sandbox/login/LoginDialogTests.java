package io.baton.sandbox.login;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.baton.sandbox.SandboxBrowser;
import io.baton.sandbox.SandboxWorld;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.baton.sandbox.SandboxWorld.LOGIN_APP;
import static org.assertj.core.api.Assertions.assertThat;

@BatonTest
class LoginDialogTests {

	@Autowired
	Environment environment;

	SandboxWorld world;

	@BeforeEach
	void openBrowser() {
		this.world = new SandboxWorld(this.environment);
	}

	@Test
	void createsPersonAndRedirectsWithCodeAndStateAfterConsent() {
		HttpResponse<String> dialog = this.world.browser.get("/sandbox/v24.0/dialog/oauth"
				+ SandboxWorld.dialogQuery(LOGIN_APP, this.world.loginRedirectUri(), "state=/?&x", "email"));
		assertThat(dialog.body()).contains("Create and log in").contains("Baton");

		HttpResponse<String> signedIn = this.world.browser.post("/sandbox/dialog/oauth/person", dialog.body(),
				Map.of("name", List.of("Ada Lovelace")));
		HttpResponse<String> consent = this.world.browser.get(signedIn.headers().firstValue("Location").orElseThrow());
		String location = this.world.consent(consent, List.of("email"));

		assertThat(consent.body()).contains("Ada Lovelace").contains("email").contains("public_profile");
		assertThat(location).startsWith(this.world.loginRedirectUri() + "?");
		assertThat(SandboxBrowser.query(location)).containsEntry("state", "state=/?&x").containsKey("code");
		assertThat(SandboxBrowser.query(location).get("code")).hasSizeGreaterThan(20);
	}

	@Test
	void remembersTheSignedInPersonAndLetsThemLogOut() {
		String grace = "Grace Hopper " + System.nanoTime();
		HttpResponse<String> consent = this.world.consentPageAs(grace, LOGIN_APP, this.world.loginRedirectUri(),
				"email");

		HttpResponse<String> again = this.world.browser.get("/sandbox/dialog/oauth"
				+ SandboxWorld.dialogQuery(LOGIN_APP, this.world.loginRedirectUri(), "s", "email"));
		HttpResponse<String> loggedOut = this.world.browser.post("/sandbox/dialog/oauth/logout", consent.body(),
				Map.of());
		HttpResponse<String> afterLogout = this.world.browser
			.get(loggedOut.headers().firstValue("Location").orElseThrow());

		assertThat(again.body()).contains("Logged in as").contains(grace);
		assertThat(loggedOut.statusCode()).isEqualTo(303);
		assertThat(afterLogout.body()).contains("Create and log in").contains(grace);
	}

	@Test
	void cancelRedirectsWithUserDenied() {
		HttpResponse<String> consent = this.world.consentPageAs("Alan Turing", LOGIN_APP, this.world.loginRedirectUri(),
				"email");

		HttpResponse<String> cancelled = this.world.browser.post("/sandbox/dialog/oauth/confirm", consent.body(),
				Map.of("decision", List.of("cancel")));

		String location = cancelled.headers().firstValue("Location").orElseThrow();
		assertThat(cancelled.statusCode()).isEqualTo(303);
		assertThat(location).startsWith(this.world.loginRedirectUri() + "?")
			.contains("error_description=Permissions+error");
		assertThat(SandboxBrowser.query(location)).containsEntry("error", "access_denied")
			.containsEntry("error_code", "200")
			.containsEntry("error_reason", "user_denied")
			.containsEntry("state", "st-1")
			.doesNotContainKey("code");
	}

	@Test
	void refusesUnregisteredRedirectUriWithoutRedirecting() {
		HttpResponse<String> dialog = this.world.browser.get("/sandbox/dialog/oauth"
				+ SandboxWorld.dialogQuery(LOGIN_APP, "https://evil.example/steal", "s", "email"));

		assertThat(dialog.statusCode()).isEqualTo(400);
		assertThat(dialog.headers().firstValue("Location")).isEmpty();
		assertThat(dialog.body()).contains("URL Blocked").doesNotContain("evil.example");
	}

	@Test
	void refusesUnknownClientId() {
		HttpResponse<String> dialog = this.world.browser.get(
				"/sandbox/dialog/oauth" + SandboxWorld.dialogQuery("999", this.world.loginRedirectUri(), "s", "email"));

		assertThat(dialog.statusCode()).isEqualTo(400);
		assertThat(dialog.headers().firstValue("Location")).isEmpty();
		assertThat(dialog.body()).contains("Invalid App ID");
	}

	@Test
	void refusesConsentWithoutTheDialogsCsrfToken() {
		this.world.consentPageAs("Mallory", LOGIN_APP, this.world.loginRedirectUri(), "email");

		HttpResponse<String> forged = this.world.browser.postForm("/sandbox/dialog/oauth/confirm",
				Map.of("client_id", List.of(LOGIN_APP), "redirect_uri", List.of(this.world.loginRedirectUri()),
						"decision", List.of("continue")));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void neverSetsBatonsSessionCookie() {
		String code = this.world.codeFor("Barbara Liskov", LOGIN_APP, this.world.loginRedirectUri(), List.of("email"));

		assertThat(code).isNotBlank();
		assertThat(this.world.browser.cookiesEverSet()).contains("sandbox_fb_user").doesNotContain("SESSION");
	}

	@Test
	void servesTheDialogUnderAStrictContentSecurityPolicy() {
		HttpResponse<String> dialog = this.world.browser.get("/sandbox/dialog/oauth"
				+ SandboxWorld.dialogQuery(LOGIN_APP, this.world.loginRedirectUri(), "s", "email"));

		assertThat(dialog.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
		assertThat(dialog.body()).doesNotContain("style=").doesNotContain("<script");
		assertThat(this.world.browser.get("/sandbox/sandbox.css").statusCode()).isEqualTo(200);
	}

}
