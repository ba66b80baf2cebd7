package io.baton.routing;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON written as Facebook writes webhook bodies: every character beyond ASCII as a
 * lowercase {@code \\uxxxx} escape (UTF-16 units, so an emoji is two), the rest as
 * standard JSON. A bot that compares bodies with Facebook's sees the same bytes.
 */
final class FacebookEscapes extends CharacterEscapes {

	static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder().characterEscapes(new FacebookEscapes()).build())
		.build();

	private static final int[] ASCII = standardAsciiEscapesForJSON();

	private FacebookEscapes() {
	}

	@Override
	public int[] getEscapeCodesForAscii() {
		return ASCII;
	}

	@Override
	public SerializableString getEscapeSequence(int ch) {
		return new SerializedString(String.format("\\u%04x", ch));
	}

}
