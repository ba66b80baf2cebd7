package io.baton.sandbox.messenger.send;

import java.time.Duration;

import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import io.baton.sandbox.messenger.MessengerWorld;
import io.baton.sandbox.webhooks.SandboxClock;
import io.baton.testing.BatonTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.baton.sandbox.messenger.MessengerWorld.BOT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** RestFB, unchanged, talking to the sandbox as it talks to graph.facebook.com. */
@BatonTest
class RestFbSendTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SandboxClock clock;

	MessengerWorld world;

	String botApp;

	String page;

	String ada;

	FacebookClient facebook;

	@BeforeEach
	void restFbPointedAtTheSandbox() {
		this.world = new MessengerWorld(this.context);
		this.botApp = this.world.anApp(BOT_SECRET, "Bot");
		this.page = this.world.aPage("Bakery");
		this.ada = this.world.aPerson("Ada");
		String token = this.world.pageToken(this.botApp, this.page, this.world.aPerson("Owner"));
		DefaultFacebookClient client = new DefaultFacebookClient(token, Version.LATEST);
		String graph = "http://localhost:" + this.world.sandbox.port + "/sandbox/graph";
		client.setFacebookEndpointUrls(new FacebookEndpoints() {

			@Override
			public String getGraphEndpoint() {
				return graph;
			}

		});
		this.facebook = client;
	}

	@AfterEach
	void backToThePresent() {
		this.clock.reset();
	}

	@Test
	void sendsAMessageAndReadsTheSendResponse() {
		String psid = this.world.writes(this.page, this.ada, "hi");

		SendResponse response = this.facebook.publish("me/messages", SendResponse.class,
				Parameter.with("recipient", new IdMessageRecipient(psid)),
				Parameter.with("message", new Message("hi")));

		assertThat(response.getRecipientId()).isEqualTo(psid);
		assertThat(response.getMessageId()).startsWith("m_");
	}

	@Test
	void raisesTheWindowErrorWithCodeAndSubcode() {
		String psid = this.world.writes(this.page, this.ada, "hi");
		this.clock.shift(Duration.ofDays(2));

		FacebookOAuthException error = catchThrowableOfType(FacebookOAuthException.class,
				() -> this.facebook.publish("me/messages", SendResponse.class,
						Parameter.with("recipient", new IdMessageRecipient(psid)),
						Parameter.with("message", new Message("too late"))));

		assertThat(error.getErrorCode()).isEqualTo(10);
		assertThat(error.getErrorSubcode()).isEqualTo(2018278);
		assertThat(error.getErrorMessage()).startsWith("(#10) This message is sent outside of allowed window.");
	}

}
