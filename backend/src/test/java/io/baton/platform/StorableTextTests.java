package io.baton.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	@Test
	void dropsNulAndReplacesUnpairedSurrogatesButKeepsPairs() {
		assertThat(StorableText.of("a\u0000b")).isEqualTo("ab");
		assertThat(StorableText.of("x\uD800y\uDC00z")).isEqualTo("x\uFFFDy\uFFFDz");
		assertThat(StorableText.of("\uD83D\uDE00 ok")).isEqualTo("\uD83D\uDE00 ok");
		assertThat(StorableText.of("plain")).isSameAs("plain");
	}

	@Test
	void cleansEveryStringOfATreeInPlace() {
		JsonNode tree = JsonMapper.builder()
			.build()
			.readTree("{\"a\":\"1\\u0000\",\"b\":[\"\\ud800\",{\"c\":\"ok\"}],\"n\":5}");

		StorableText.inTree(tree);

		assertThat(tree.toString()).isEqualTo("{\"a\":\"1\",\"b\":[\"\uFFFD\",{\"c\":\"ok\"}],\"n\":5}");
	}

}
