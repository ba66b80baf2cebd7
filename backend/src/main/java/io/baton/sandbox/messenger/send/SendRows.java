package io.baton.sandbox.messenger.send;

/** The SQL of the Send API's page settings and of the page's Messenger profile. */
final class SendRows {

	static final String NOTIFICATIONS_ENABLED = """
			SELECT otn_enabled, recurring_enabled FROM sandbox.pages WHERE id = :page
			""";

	static final String SAVE_PROFILE_FIELD = """
			INSERT INTO sandbox.messenger_profiles (page_id, field, value)
			VALUES (:page, :field, :value) ON CONFLICT (page_id, field) DO UPDATE SET value = EXCLUDED.value
			""";

	static final String PROFILE = """
			SELECT field, value::text AS value FROM sandbox.messenger_profiles WHERE page_id = :page
			""";

	static final String DELETE_PROFILE_FIELDS = """
			DELETE FROM sandbox.messenger_profiles WHERE page_id = :page AND field = ANY(:fields)
			""";

	private SendRows() {
	}

}
