package io.baton.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import org.jspecify.annotations.Nullable;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.testing.FacebookWebhooks;

/**
 * Generated webhook requests, good and bad, from jqwik's generators and a seed: the same
 * seed gives the same requests, so a failure names the seed that reproduces it.
 */
final class WebhookCases {

	/** What a request is, and so what Baton may answer to it. */
	enum Kind {

		/** A well-formed batch, correctly signed: 200, stored, routed. */
		GOOD,
		/** Correctly signed, but JSON of an odd shape: 200 and routed, or 400. */
		ODD,
		/** Correctly signed, not a batch at all (truncated, binary, not JSON): 400. */
		MALFORMED,
		/** Correctly signed, nested past any sane depth: 400 (or 200 if it parses). */
		DEEP,
		/** Correctly signed, larger than the limit: 413. */
		HUGE,
		/** A good body with a missing or wrong signature: 403. */
		UNSIGNED

	}

	record Case(Kind kind, byte[] body, @Nullable String signature, String description) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int SIZE = 100;

	private final Random random;

	private final String page;

	private final String secret;

	WebhookCases(long seed, String page, String secret) {
		this.random = new Random(seed);
		this.page = page;
		this.secret = secret;
	}

	Case next() {
		int pick = this.random.nextInt(100);
		if (pick < 45) {
			return signed(Kind.GOOD, bytes(goodBatch()), "good batch");
		}
		if (pick < 60) {
			String[] odd = new String[1];
			byte[] body = bytes(oddBatch(odd));
			return signed(Kind.ODD, body, odd[0]);
		}
		if (pick < 80) {
			return malformed();
		}
		if (pick < 85) {
			return deep();
		}
		if (pick < 86) {
			byte[] huge = new byte[1024 * 1024 + 1 + this.random.nextInt(1024)];
			java.util.Arrays.fill(huge, (byte) ' ');
			huge[0] = '{';
			huge[huge.length - 1] = '}';
			return signed(Kind.HUGE, huge, "huge body");
		}
		return unsigned();
	}

	// --- good batches: every Messenger event kind, random people, texts from all of
	// Unicode

	private ObjectNode goodBatch() {
		ObjectNode batch = NODES.objectNode().put("object", "page");
		ArrayNode entries = batch.putArray("entry");
		int count = 1 + this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			ObjectNode entry = entries.addObject().put("id", this.page).put("time", System.currentTimeMillis());
			ArrayNode messaging = entry.putArray(this.random.nextInt(5) == 0 ? "standby" : "messaging");
			int events = 1 + this.random.nextInt(3);
			for (int j = 0; j < events; j++) {
				messaging.add(event());
			}
		}
		return batch;
	}

	private ObjectNode event() {
		String psid = draw(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18)).replaceFirst("^0+", "1");
		ObjectNode event = NODES.objectNode();
		boolean echo = this.random.nextInt(10) == 0;
		event.putObject("sender").put("id", echo ? this.page : psid);
		event.putObject("recipient").put("id", echo ? psid : this.page);
		event.put("timestamp", System.currentTimeMillis() - this.random.nextInt(86_400_000));
		String mid = "m_"
				+ draw(Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(40));
		switch (this.random.nextInt(12)) {
			case 0 -> event.putObject("postback").put("title", text()).put("payload", text()).put("mid", mid);
			case 1 -> event.putObject("read").put("watermark", System.currentTimeMillis());
			case 2 ->
				event.putObject("delivery").put("watermark", System.currentTimeMillis()).putArray("mids").add(mid);
			case 3 -> event.putObject("reaction")
				.put("mid", mid)
				.put("action", "react")
				.put("reaction", "love")
				.put("emoji", text());
			case 4 ->
				event.putObject("referral").put("ref", text()).put("source", "SHORTLINK").put("type", "OPEN_THREAD");
			case 5 -> event.putObject("optin")
				.put("type", "one_time_notif_req")
				.put("payload", text())
				.put("one_time_notif_token", "otn-" + mid);
			case 6 -> event.putObject("account_linking").put("status", "linked").put("authorization_code", text());
			case 7 -> event.putObject("pass_thread_control")
				.put("new_owner_app_id", "263902037430900")
				.put("previous_owner_app_id", "1")
				.put("metadata", text());
			case 8 -> event.putObject("message")
				.put("mid", mid)
				.putArray("attachments")
				.addObject()
				.put("type", "image")
				.putObject("payload")
				.put("url", "https://example.com/" + mid + ".png");
			case 9 -> event.putObject("message")
				.put("mid", mid)
				.put("text", text())
				.putObject("quick_reply")
				.put("payload", text());
			default -> {
				ObjectNode message = event.putObject("message").put("mid", mid).put("text", text());
				if (echo) {
					message.put("is_echo", true).put("app_id", 263902037430900L);
				}
			}
		}
		return event;
	}

	private String text() {
		return draw(Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u2028\u2029<>&'").ofMaxLength(30),
				Arbitraries.of("😀👍🏽", "مرحبا", "こんにちは", "\uD83D\uDE00", "Ā̴̛͍̝̒b", "")));
	}

	// --- odd but parseable: wrong types, missing parts, unknown fields

	private ObjectNode oddBatch(String[] label) {
		String[] labels = { "no sender", "timestamp as text", "sender id as a number", "entry id as text",
				"no entry time", "messaging not a list", "an unknown field", "object not page", "a changes entry",
				"message null", "an entry that is a number", "a negative timestamp" };
		ObjectNode batch = goodBatch();
		ObjectNode entry = (ObjectNode) batch.path("entry").get(0);
		ObjectNode event = (ObjectNode) entry.path(entry.has("messaging") ? "messaging" : "standby").get(0);
		int variant = this.random.nextInt(12);
		label[0] = labels[variant];
		switch (variant) {
			case 0 -> event.remove("sender");
			case 1 -> event.put("timestamp", text());
			case 2 -> event.putObject("sender").put("id", 12345);
			case 3 -> entry.put("id", text());
			case 4 -> entry.remove("time");
			case 5 -> entry.put("messaging", "not a list");
			case 6 -> event.putObject(text()).put(text(), text());
			case 7 -> batch.put("object", draw(Arbitraries.of("instagram", "user", "", "PAGE")));
			case 8 -> entry.putArray("changes").addObject().put("field", "feed").putObject("value").put("x", 1);
			case 9 -> event.putNull("message");
			case 10 -> ((ArrayNode) batch.path("entry")).add(NODES.numberNode(7));
			default -> event.put("timestamp", -1L);
		}
		return batch;
	}

	// --- not a batch

	private Case malformed() {
		byte[] good = bytes(goodBatch());
		return switch (this.random.nextInt(8)) {
			case 0 -> signed(Kind.MALFORMED, java.util.Arrays.copyOf(good, 1 + this.random.nextInt(good.length - 1)),
					"truncated batch");
			case 1 -> {
				byte[] noise = new byte[this.random.nextInt(2000)];
				this.random.nextBytes(noise);
				yield signed(Kind.MALFORMED, noise, "random bytes");
			}
			case 2 -> signed(Kind.MALFORMED,
					draw(Arbitraries.of("[]", "null", "42", "\"page\"", "true", "", " ", "{}", "{\"object\":\"page\"}",
							"{\"object\":\"page\",\"entry\":{}}", "{\"object\":\"page\",\"entry\":[],}"))
						.getBytes(StandardCharsets.UTF_8),
					"not a batch");
			case 3 -> {
				byte[] broken = good.clone();
				int at = this.random.nextInt(broken.length);
				broken[at] = (byte) (0x80 + this.random.nextInt(0x40));
				yield signed(Kind.ODD, broken, "an invalid UTF-8 byte");
			}
			case 4 -> {
				byte[] bom = new byte[good.length + 3];
				bom[0] = (byte) 0xEF;
				bom[1] = (byte) 0xBB;
				bom[2] = (byte) 0xBF;
				System.arraycopy(good, 0, bom, 3, good.length);
				yield signed(Kind.ODD, bom, "a byte-order mark");
			}
			case 5 ->
				signed(Kind.ODD, new String(good, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16), "UTF-16");
			case 6 -> signed(Kind.MALFORMED,
					(new String(good, StandardCharsets.UTF_8) + "garbage").getBytes(StandardCharsets.UTF_8),
					"trailing garbage");
			default -> signed(Kind.MALFORMED,
					draw(Arbitraries.strings().all().ofMaxLength(500)).getBytes(StandardCharsets.UTF_8), "random text");
		};
	}

	private Case deep() {
		int depth = 200 + this.random.nextInt(5000);
		String open = this.random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		String nested = open.repeat(depth) + "1" + close.repeat(depth);
		String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + this.page
				+ "\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"" + this.page
				+ "\"},\"timestamp\":1,\"x\":" + nested + "}]}]}";
		return signed(Kind.DEEP, body.getBytes(StandardCharsets.UTF_8), "nested " + (depth / 1000 * 1000) + "+ deep");
	}

	private Case unsigned() {
		byte[] body = bytes(goodBatch());
		String right = FacebookWebhooks.hmac("HmacSHA256", this.secret, body);
		int variant = this.random.nextInt(7);
		String header = switch (variant) {
			case 0 -> null;
			case 1 -> "sha256=" + FacebookWebhooks.hmac("HmacSHA256", "not-the-secret", body);
			case 2 -> "sha1=" + FacebookWebhooks.hmac("HmacSHA1", this.secret, body);
			case 3 -> "sha256=" + right.substring(0, 1 + this.random.nextInt(right.length() - 1));
			case 4 -> "sha256=" + draw(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80));
			case 5 -> right;
			default -> "sha256=" + FacebookWebhooks.hmac("HmacSHA256", this.secret, bytes(goodBatch()));
		};
		String[] variants = { "no signature", "signed with another secret", "a SHA-1 signature as sha1=",
				"a truncated signature", "garbage after sha256=", "the hex without sha256=",
				"the signature of another body" };
		return new Case(Kind.UNSIGNED, body, (header != null) ? header.strip() : null, variants[variant]);
	}

	private Case signed(Kind kind, byte[] body, String description) {
		return new Case(kind, body, "sha256=" + FacebookWebhooks.hmac("HmacSHA256", this.secret, body), description);
	}

	private <T> T draw(Arbitrary<T> arbitrary) {
		return arbitrary.generator(SIZE).next(this.random).value();
	}

	private static byte[] bytes(ObjectNode node) {
		return JSON.writeValueAsBytes(node);
	}

}
