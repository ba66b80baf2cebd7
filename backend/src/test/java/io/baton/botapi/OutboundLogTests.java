package io.baton.botapi;

import com.restfb.Parameter;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.tenancy.SignedInUser;
import io.baton.testing.BatonTest;
import io.baton.testing.Staff;

import io.baton.testing.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound log where people read it: the JSON API for the app's key and for staff
 * (docs/api.md's rule: a key reaches its own app only), and the app's "Sent" page.
 */
@BatonTest
class OutboundLogTests {

	@Autowired
	ApplicationContext context;

	@Value("${baton.public-url}")
	String baseUrl;

	WebTestClient http;

	BotApiWorld world;

	CurrentTenant acme;

	AppId supportBot;

	AppId otherBot;

	String key;

	String psid;

	String messageId;

	@BeforeEach
	void aBotThatSentOneMessage() {
		this.http = WebTestClient.bindToServer().baseUrl(this.baseUrl).responseTimeout(TestHttp.ANSWER).build();
		this.world = new BotApiWorld(this.context);
		this.acme = this.world.aTenant("Acme");
		this.supportBot = this.world.anApp(this.acme, "Support bot");
		this.otherBot = this.world.anApp(this.acme, "Other bot");
		String shoes = this.world.aPage("Shoes");
		this.world.connect(this.acme, this.supportBot, shoes);
		this.key = this.world.aKey(this.acme, this.supportBot, null);
		this.psid = this.world.aPersonWrites(shoes, "Ada", "hi");
		this.messageId = this.world.restFb(this.key)
			.publish("me/messages", SendResponse.class, Parameter.with("recipient", new IdMessageRecipient(this.psid)),
					Parameter.with("message", new Message("hello Ada")))
			.getMessageId();
	}

	@Test
	void theAppsKeyReadsItsSendsAndNoOtherAppsNorTheStaffPath() {
		this.http.get()
			.uri("/api/v1/apps/{app}/messages", this.supportBot)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].messageId")
			.isEqualTo(this.messageId)
			.jsonPath("$.items[0].psid")
			.isEqualTo(this.psid)
			.jsonPath("$.items[0].status")
			.isEqualTo("sent")
			.jsonPath("$.next")
			.isEmpty();
		this.http.get()
			.uri("/api/v1/apps/{app}/messages", this.otherBot)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/api/v1/apps/{app}/messages?status=queued", this.supportBot)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void staffReadTheSameUnderTheTenantAndOnTheSentPage() {
		WebTestClient staff = Staff.clientOf(this.context, new SignedInUser(this.acme.userId(), this.acme.userName()));

		staff.get()
			.uri("/api/v1/tenants/{tenant}/apps/{app}/messages", this.acme.id(), this.supportBot)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].messageId")
			.isEqualTo(this.messageId);
		String page = staff.get()
			.uri("/t/{tenant}/apps/{app}/sent", this.acme.id(), this.supportBot)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains(this.messageId, this.psid, "sent");
	}

}
