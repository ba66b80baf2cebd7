package io.baton.ingress;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.baton.graph.PageId;
import io.baton.privacy.Person;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure rewrites a raw batch: only the person's events on that page go. */
class BatchRecordsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void takesOutThePersonsEventsBothWaysOnThatPageOnly() {
		ObjectNode batch = JsonNodeFactory.instance.objectNode().put("object", "page");
		ArrayNode entries = batch.putArray("entry");
		ObjectNode onPage = entries.addObject().put("id", "111");
		onPage.putArray("messaging")
			.add(event("42", "111", "from them"))
			.add(event("111", "42", "echo to them"))
			.add(event("43", "111", "someone else"));
		onPage.putArray("standby").add(event("42", "111", "standby from them"));
		entries.addObject().put("id", "222").putArray("messaging").add(event("42", "222", "same psid, other page"));
		ArrayNode removed = JsonNodeFactory.instance.arrayNode();

		JsonNode rest = BatchRecords.without(batch, new Person(new PageId("111"), "42"), removed);

		assertThat(removed).hasSize(3);
		assertThat(JSON.writeValueAsString(rest)).doesNotContain("from them", "echo to them")
			.contains("someone else", "same psid, other page");
		assertThat(JSON.writeValueAsString(batch)).as("the original is left as it was").contains("from them");
	}

	private static ObjectNode event(String sender, String recipient, String text) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.putObject("sender").put("id", sender);
		event.putObject("recipient").put("id", recipient);
		event.putObject("message").put("text", text);
		return event;
	}

}
