package io.baton.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.graph.AppId;
import io.baton.graph.PageId;
import io.baton.graph.Psid;

import static io.baton.testing.WebhookBodies.batch;
import static io.baton.testing.WebhookBodies.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading a stored batch into events with Facebook's ids as Baton's types. */
class BatchesTests {

	@Test
	void aMessageIsAnEventOfItsPageAndPersonInTheirLane() {
		List<Event> events = Batches.events(bytes(batch("1200", message("1200", "3400", "m_1", "hi"))));

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.page()).isEqualTo(new PageId("1200"));
			assertThat(event.psid()).isEqualTo(new Psid("3400"));
			assertThat(event.lane(new AppId("77"))).isEqualTo("77:1200:3400");
			assertThat(event.opensWindow()).isTrue();
		});
	}

	@Test
	void anEntryWhoseIdIsNoPageIdHasNothingToRoute() {
		assertThat(Batches.events(bytes(batch("not-a-page", message("not-a-page", "3400", "m_2", "hi"))))).isEmpty();
	}

	@Test
	void aSenderIdThatIsNoPsidLeavesTheEventWithoutAPersonButStillAnEvent() {
		List<Event> events = Batches.events(bytes(batch("1200", message("1200", "two words", "m_3", "hi"))));

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.psid()).isNull();
			assertThat(event.lane(new AppId("77"))).isEqualTo("77:1200:");
			assertThat(event.opensWindow()).isFalse();
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
