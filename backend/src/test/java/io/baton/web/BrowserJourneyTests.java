package io.baton.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.testing.BatonTest;
import io.baton.testing.Browser;
import io.baton.testing.Browser.Width;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser: signs in through the sandbox's Login dialog, creates a
 * tenant, invites a member who accepts the link in their own browser, and reads the audit
 * log. The screenshots it takes are the ones in docs/.
 */
@BatonTest
class BrowserJourneyTests {

	private static final Pattern INVITATION = Pattern.compile("(http\\S+/invitations/\\S+)");

	@Value("${baton.public-url}")
	String baseUrl;

	Browser owner;

	Browser invitee;

	@BeforeEach
	void twoBrowsers() {
		this.owner = new Browser(this.baseUrl, width());
		this.invitee = new Browser(this.baseUrl, width());
	}

	@AfterEach
	void closeBrowsers() {
		this.owner.close();
		this.invitee.close();
	}

	@Test
	void signInCreateATenantInviteAMemberAndSeeItInTheAuditLog() {
		this.owner.open("/").waitForPath("/login").screenshot("sign-in");
		this.owner.click("#sign-in").waitForPath("/sandbox/dialog/oauth");
		this.owner.type("#name", "Ada Owner").clickText("Create and log in");
		assertThat(this.owner.text()).contains("Baton").contains("is requesting access to");
		this.owner.screenshot("sandbox-login-dialog").clickText("Continue as");

		this.owner.waitForPath("/tenants/new").screenshot("create-tenant");
		this.owner.type("#name", "Acme Support").clickText("Create tenant").waitForPath("/t/");
		assertThat(this.owner.text()).contains("Acme Support").contains("You are Owner here").contains("Next steps");
		this.owner.screenshot("dashboard");

		this.owner.clickText("Members").waitForPath("/t/");
		this.owner.type("#invite input[name=email]", "sam@example.com").clickText("Create invitation link");
		String link = this.owner.find(".link-field").getAttribute("value");
		assertThat(link).matches(INVITATION);
		this.owner.screenshot("members");

		this.invitee.open(link).waitForPath("/login").click("#sign-in").waitForPath("/sandbox/dialog/oauth");
		this.invitee.type("#name", "Sam Agent").clickText("Create and log in").clickText("Continue as");
		this.invitee.waitForPath("/invitations/");
		assertThat(this.invitee.text()).contains("Join Acme Support").contains("Agent");
		this.invitee.screenshot("invitation").clickText("Accept and join").waitForPath("/t/");
		assertThat(this.invitee.text()).contains("Welcome! You joined the tenant.").contains("You are Agent here");

		this.owner.clickText("Members");
		assertThat(this.owner.find("#members").getText()).contains("Ada Owner").contains("Sam Agent");
		this.owner.clickText("Audit log").waitForPath("/t/");
		assertThat(this.owner.find("#audit").getText()).contains("invitation.accepted")
			.contains("invitation.created")
			.contains("tenant.created");
		this.owner.screenshot("audit-log");

		this.owner.clickText("Sign out").waitForPath("/login");
		assertThat(this.owner.text()).contains("You are signed out.");
		this.owner.open("/t/").waitForPath("/login");
	}

	static String invitationIn(String text) {
		Matcher matcher = INVITATION.matcher(text);
		return matcher.find() ? matcher.group(1) : "";
	}

	/** The width of the browser window; a subclass runs the journey at another. */
	Width width() {
		return Width.DESKTOP;
	}

}
