package io.baton.botapi;

import java.time.Duration;
import java.util.List;

import com.restfb.FacebookClient;
import com.restfb.Parameter;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.json.JsonObject;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.QuickReply;
import com.restfb.types.send.SendResponse;
import com.restfb.types.send.SenderActionEnum;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.baton.apps.ApiKeys;
import io.baton.graph.AppId;
import io.baton.tenancy.CurrentTenant;
import io.baton.testing.BatonTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A bot built on RestFB, unchanged but for its Graph URL and a Baton key in place of the
 * page token, talking to Baton's bot API over HTTP; Baton passes each call on to the
 * sandbox's Graph with the page token it keeps.
 */
@BatonTest
class BotApiRestFbTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ApiKeys keys;

	@Autowired
	OutboundLog outbound;

	BotApiWorld world;

	CurrentTenant acme;

	AppId supportBot;

	String shoes;

	String key;

	FacebookClient bot;

	@BeforeEach
	void aSupportBotOnOnePageWithAKey() {
		this.world = new BotApiWorld(this.context);
		this.acme = this.world.aTenant("Acme");
		this.supportBot = this.world.anApp(this.acme, "Support bot");
		this.shoes = this.world.aPage("Shoes");
		this.world.connect(this.acme, this.supportBot, this.shoes);
		this.key = this.world.aKey(this.acme, this.supportBot, null);
		this.bot = this.world.restFb(this.key);
	}

	@Test
	void sendsTextThatReachesThePersonAndIsInTheOutboundLog() {
		String psid = this.world.aPersonWrites(this.shoes, "Ada", "Do you have red shoes?");

		SendResponse sent = this.bot.publish("me/messages", SendResponse.class,
				Parameter.with("recipient", new IdMessageRecipient(psid)), Parameter.with("messaging_type", "RESPONSE"),
				Parameter.with("message", new Message("We do!")));

		assertThat(sent.getRecipientId()).isEqualTo(psid);
		assertThat(sent.getMessageId()).startsWith("m_");
		List<SentMessage> log = sentBy(this.supportBot);
		assertThat(log).singleElement().satisfies((message) -> {
			assertThat(message.messageId()).isEqualTo(sent.getMessageId());
			assertThat(message.psid()).isEqualTo(psid);
			assertThat(message.pageId()).isEqualTo(this.shoes);
			assertThat(message.status()).isEqualTo("sent");
			assertThat(message.attempts()).isEqualTo(1);
		});
	}

	@Test
	void sendsQuickRepliesAndASenderActionByThePagesId() {
		String psid = this.world.aPersonWrites(this.shoes, "Bea", "What colours?");
		Message menu = new Message("Pick one");
		menu.addQuickReply(new QuickReply("Red", "COLOUR_RED"));
		menu.addQuickReply(new QuickReply("Blue", "COLOUR_BLUE"));

		SendResponse typing = this.bot.publish(this.shoes + "/messages", SendResponse.class,
				Parameter.with("recipient", new IdMessageRecipient(psid)),
				Parameter.with("sender_action", SenderActionEnum.typing_on));
		SendResponse sent = this.bot.publish(this.shoes + "/messages", SendResponse.class,
				Parameter.with("recipient", new IdMessageRecipient(psid)), Parameter.with("message", menu));

		assertThat(typing.getRecipientId()).isEqualTo(psid);
		assertThat(typing.getMessageId()).isNull();
		assertThat(sent.getMessageId()).startsWith("m_");
		JsonNode lastMessage = this.world.sandbox
			.get("/sandbox/api/messenger/pages/" + this.shoes + "/people/" + personOf(psid) + "/conversation")
			.path("body")
			.path("messages");
		assertThat(lastMessage.toString()).contains("COLOUR_RED", "COLOUR_BLUE");
		assertThat(sentBy(this.supportBot)).extracting(SentMessage::kind).containsExactly("message", "sender_action");
	}

	@Test
	void readsAPersonsProfileFields() {
		String psid = this.world.aPersonWrites(this.shoes, "Cleo Carter", "hello");

		JsonObject profile = this.bot.fetchObject(psid, JsonObject.class,
				Parameter.with("fields", "first_name,last_name"));

		assertThat(profile.getString("first_name", "")).isEqualTo("Cleo");
		assertThat(profile.getString("last_name", "")).isEqualTo("Carter");
		assertThat(profile.getString("id", "")).isEqualTo(psid);
	}

	@Test
	void setsReadsAndDeletesTheMessengerProfile() {
		JsonObject set = this.bot.publish("me/messenger_profile", JsonObject.class, Parameter.with("greeting",
				List.of(new JsonObject().add("locale", "default").add("text", "Welcome to Shoes!"))));
		JsonObject read = this.bot.fetchObject("me/messenger_profile", JsonObject.class,
				Parameter.with("fields", "greeting"));
		// Graph answers {"result": "success"}, which RestFB's deleteObject reads as false
		this.bot.deleteObject("me/messenger_profile", Parameter.with("fields", List.of("greeting")));
		JsonObject afterDelete = this.bot.fetchObject("me/messenger_profile", JsonObject.class,
				Parameter.with("fields", "greeting"));

		assertThat(set.getString("result", "")).isEqualTo("success");
		assertThat(read.toString()).contains("Welcome to Shoes!");
		assertThat(afterDelete.toString()).doesNotContain("Welcome to Shoes!");
	}

	@Test
	void answersMeWithTheKeysPage() {
		JsonObject me = this.bot.fetchObject("me", JsonObject.class, Parameter.with("fields", "id,name"));

		assertThat(me.getString("id", "")).isEqualTo(this.shoes);
	}

	@Nested
	class OnAPageWithTwoApps {

		AppId liveAgents;

		FacebookClient agents;

		String psid;

		@BeforeEach
		void theBotPrimaryAndTheLiveAgentsSecondary() {
			this.liveAgents = world.anApp(acme, "Live agents");
			world.connect(acme, this.liveAgents, shoes);
			world.sandbox.role(shoes, supportBot.value(), "primary_receiver");
			world.sandbox.role(shoes, this.liveAgents.value(), "secondary_receiver");
			this.agents = world.restFb(world.aKey(acme, this.liveAgents, shoes));
			this.psid = world.aPersonWrites(shoes, "Gus", "I need a human");
		}

		@Test
		void passesRequestsTakesAndReleasesTheThread() {
			JsonObject passed = bot.publish("me/pass_thread_control", JsonObject.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)),
					Parameter.with("target_app_id", this.liveAgents.value()),
					Parameter.with("metadata", "needs a human"));
			String ownerAfterPass = owner(bot);
			FacebookOAuthException botWhileAgentsOwn = refusal(() -> bot.publish("me/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)),
					Parameter.with("message", new Message("I am the bot"))));
			JsonObject released = this.agents.publish("me/release_thread_control", JsonObject.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)));
			JsonObject requested = this.agents.publish("me/request_thread_control", JsonObject.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)),
					Parameter.with("metadata", "may I?"));
			bot.publish("me/pass_thread_control", JsonObject.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)),
					Parameter.with("target_app_id", this.liveAgents.value()));
			JsonObject taken = bot.publish("me/take_thread_control", JsonObject.class,
					Parameter.with("recipient", new IdMessageRecipient(this.psid)));

			assertThat(passed.getBoolean("success", false)).isTrue();
			assertThat(ownerAfterPass).isEqualTo(this.liveAgents.value());
			assertThat(botWhileAgentsOwn.getErrorSubcode()).isEqualTo(2018300);
			assertThat(released.getBoolean("success", false)).isTrue();
			assertThat(requested.getBoolean("success", false)).isTrue();
			assertThat(taken.getBoolean("success", false)).isTrue();
			assertThat(owner(this.agents)).isEqualTo(supportBot.value());
			assertThat(sentBy(supportBot)).singleElement()
				.satisfies((message) -> assertThat(message.errorSubcode()).isEqualTo(2018300));
		}

		@Test
		void listsThePagesSecondaryReceiversToThePrimary() {
			JsonObject receivers = bot.fetchObject("me/secondary_receivers", JsonObject.class,
					Parameter.with("fields", "id,name"));

			assertThat(receivers.toString()).contains(this.liveAgents.value());
		}

		private String owner(FacebookClient client) {
			return client.fetchObject("me/thread_owner", JsonObject.class, Parameter.with("recipient", this.psid))
				.get("data")
				.asArray()
				.get(0)
				.asObject()
				.get("thread_owner")
				.asObject()
				.getString("app_id", "");
		}

	}

	@Nested
	class Refusals {

		@Test
		void aRevokedKeyIsGraphsInvalidToken() {
			keys.revoke(acme, supportBot, keys.list(acme, supportBot).blockFirst().id()).block();

			FacebookOAuthException refused = refusal(() -> bot.fetchObject("me", JsonObject.class));

			assertThat(refused.getErrorCode()).isEqualTo(190);
			assertThat(refused.getErrorType()).isEqualTo("OAuthException");
			assertThat(refused.getErrorMessage()).startsWith("Error validating access token:");
			assertThat(refused.getFbtraceId()).isNotBlank();
		}

		@Test
		void aPageTokenInPlaceOfAKeyIsGraphsInvalidToken() {
			FacebookOAuthException refused = refusal(
					() -> world.restFb("EAAB-not-a-baton-key").fetchObject("me", JsonObject.class));

			assertThat(refused.getErrorCode()).isEqualTo(190);
			assertThat(refused.getErrorMessage()).isEqualTo("Invalid OAuth access token.");
		}

		@Test
		void aWrongAppsecretProofIsRefusedAndTheRightOneAccepted() {
			FacebookClient wrongSecret = world.restFb(key, "not-the-app-secret");
			FacebookClient rightSecret = world.restFb(key, BotApiWorld.secretOf(supportBot.value()));

			FacebookOAuthException refused = refusal(() -> wrongSecret.fetchObject("me", JsonObject.class));
			JsonObject me = rightSecret.fetchObject("me", JsonObject.class);

			assertThat(refused.getErrorCode()).isEqualTo(100);
			assertThat(refused.getErrorMessage()).isEqualTo("Invalid appsecret_proof provided in the API argument");
			assertThat(me.getString("id", "")).isEqualTo(shoes);
		}

		@Test
		void meWithAKeyServingSeveralPagesIsCode100AndAPageLimitedKeyIsServed() {
			String hats = world.aPage("Hats");
			world.connect(acme, supportBot, hats);
			FacebookClient hatsOnly = world.restFb(world.aKey(acme, supportBot, hats));

			FacebookOAuthException refused = refusal(() -> bot.fetchObject("me", JsonObject.class));
			JsonObject me = hatsOnly.fetchObject("me", JsonObject.class);
			FacebookOAuthException otherPage = refusal(() -> hatsOnly.fetchObject(shoes + "/thread_owner",
					JsonObject.class, Parameter.with("recipient", "123")));

			assertThat(refused.getErrorCode()).isEqualTo(100);
			assertThat(refused.getErrorMessage())
				.isEqualTo("(#100) This key serves several pages: use /{page-id}/… or a key limited to one page");
			assertThat(me.getString("id", "")).isEqualTo(hats);
			assertThat(otherPage.getErrorCode()).isEqualTo(100);
			assertThat(otherPage.getErrorSubcode()).isEqualTo(33);
		}

		@Test
		void aKeyCannotSendToAnotherTenantsPageEvenWithItsIdAndGraphIsNotCalled() {
			CurrentTenant globex = world.aTenant("Globex");
			AppId globexBot = world.anApp(globex, "Globex bot");
			String globexPage = world.aPage("Globex page");
			world.connect(globex, globexBot, globexPage);
			String person = world.aPersonWrites(globexPage, "Dan", "hi Globex");
			long fault = aFault("{\"page_id\": \"" + globexPage + "\", \"kind\": \"server_error\", \"calls\": 1}");

			FacebookOAuthException refused = refusal(() -> bot.publish(globexPage + "/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(person)),
					Parameter.with("message", new Message("from Acme"))));

			assertThat(refused.getErrorCode()).isEqualTo(100);
			assertThat(refused.getErrorSubcode()).isEqualTo(33);
			assertThat(refused.getErrorMessage()).startsWith("Unsupported post request. Object with ID '" + globexPage);
			assertThat(remainingCalls(fault)).as("the page's fault still waits for its first Graph call").isEqualTo(1);
			assertThat(sentBy(supportBot)).isEmpty();
		}

		@Test
		void aRateLimitedGraphIsTriedAgainUntilItSends() {
			String psid = world.aPersonWrites(shoes, "Eve", "hello");
			aFault("{\"page_id\": \"" + shoes + "\", \"kind\": \"rate_limit\", \"seconds\": 1}");

			SendResponse sent = bot.publish("me/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(psid)),
					Parameter.with("message", new Message("after the limit")));

			assertThat(sent.getMessageId()).startsWith("m_");
			assertThat(sentBy(supportBot)).singleElement().satisfies((message) -> {
				assertThat(message.status()).isEqualTo("sent");
				assertThat(message.attempts()).isGreaterThan(1);
			});
		}

		@Test
		void aRateLimitThatOutlastsTheWaitIsGraphsOwnAnswer() {
			String psid = world.aPersonWrites(shoes, "Fay", "hello");
			aFault("{\"page_id\": \"" + shoes + "\", \"kind\": \"rate_limit\", \"seconds\": 60}");
			long started = System.nanoTime();

			FacebookOAuthException refused = refusal(() -> bot.publish("me/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(psid)),
					Parameter.with("message", new Message("too soon"))));

			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.getErrorCode()).isEqualTo(613);
			assertThat(refused.getErrorMessage()).isEqualTo("(#613) Calls to this api have exceeded the rate limit.");
			assertThat(waited).as("the test settings' 3 s wait")
				.isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
			assertThat(sentBy(supportBot)).singleElement().satisfies((message) -> {
				assertThat(message.status()).isEqualTo("rate_limited");
				assertThat(message.errorCode()).isEqualTo(613);
				assertThat(message.attempts()).isGreaterThan(3);
			});
		}

	}

	private List<SentMessage> sentBy(AppId app) {
		return this.outbound.search(this.acme.id(), new OutboundQuery(app, null, null, null, null, 50))
			.collectList()
			.block();
	}

	private String personOf(String psid) {
		return this.world.sandbox.sandbox.queryOne("SELECT user_id FROM sandbox.psids WHERE id = '" + psid + "'");
	}

	private long aFault(String json) {
		JsonNode created = this.world.sandbox.postJson("/sandbox/api/faults", json);
		assertThat(created.path("status").asInt()).as(created.toString()).isEqualTo(201);
		return created.path("body").path("id").asLong();
	}

	private int remainingCalls(long fault) {
		for (JsonNode item : this.world.sandbox.get("/sandbox/api/faults").path("body").path("data")) {
			if (item.path("id").asLong() == fault) {
				return item.path("remaining_calls").asInt();
			}
		}
		throw new AssertionError("no fault " + fault);
	}

	static FacebookOAuthException refusal(Runnable call) {
		return catchThrowableOfType(FacebookOAuthException.class, call::run);
	}

}
