package io.baton.routing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON written as Facebook writes webhook bodies, without Spring: every character beyond
 * ASCII as a lowercase {@code \\uxxxx} escape of its UTF-16 units, the rest as standard
 * JSON.
 */
class FacebookEscapesTests {

	@Test
	void everyCharacterBeyondAsciiIsALowercaseUnicodeEscape() {
		String written = write("Grüße, ça va? Ωmega 中文");

		assertThat(written).isEqualTo("{\"text\":\"Gr\\u00fc\\u00dfe, \\u00e7a va? \\u03a9mega \\u4e2d\\u6587\"}");
	}

	@Test
	void aCharacterBeyondTheBasicPlaneIsTwoEscapesOfItsSurrogates() {
		String written = write("👋");

		assertThat(written).isEqualTo("{\"text\":\"\\ud83d\\udc4b\"}");
	}

	@Test
	void asciiIsWrittenAsStandardJson() {
		String written = write("say \"hi\" \\ now/then\n\ttab \u0001");

		assertThat(written).isEqualTo("{\"text\":\"say \\\"hi\\\" \\\\ now/then\\n\\ttab \\u0001\"}");
	}

	@Test
	void theBytesAreAsciiAndReadBackToTheSameText() {
		String text = "Grüße 👋 \"quoted\" ünïcödé";

		byte[] bytes = FacebookEscapes.JSON.writeValueAsBytes(object(text));
		JsonNode read = FacebookEscapes.JSON.readTree(bytes);

		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).matches("[\\x20-\\x7e]*");
		assertThat(read.path("text").asString()).isEqualTo(text);
	}

	private static String write(String text) {
		return FacebookEscapes.JSON.writeValueAsString(object(text));
	}

	private static ObjectNode object(String text) {
		return FacebookEscapes.JSON.createObjectNode().put("text", text);
	}

}
