package io.baton.sandbox.messenger.simulator;

/**
 * The SQL of the simulator: who can be simulated, the apps' roles it sets on a page, and
 * what its pages show.
 */
final class SimulatorRows {

	static final String PAGE_AND_PERSON_EXIST = """
			SELECT EXISTS (SELECT 1 FROM sandbox.pages WHERE id = :page)
			AND EXISTS (SELECT 1 FROM sandbox.users WHERE id = :user) AS found
			""";

	static final String GET_STARTED = """
			SELECT value::text AS value FROM sandbox.messenger_profiles WHERE page_id = :page
			AND field = 'get_started'
			""";

	static final String DELETE_ROLE = """
			DELETE FROM sandbox.page_app_roles WHERE page_id = :page AND app_id = :app
			""";

	/** The page's primary receiver, other than {@code :app}, becomes a secondary one. */
	static final String DEMOTE_PRIMARY = """
			UPDATE sandbox.page_app_roles SET role = 'secondary_receiver' WHERE page_id = :page
			AND role = 'primary_receiver' AND app_id <> :app
			""";

	static final String SET_ROLE = """
			INSERT INTO sandbox.page_app_roles (page_id, app_id, role) SELECT id, :app, :role
			FROM sandbox.pages WHERE id = :page ON CONFLICT (page_id, app_id) DO UPDATE SET role = EXCLUDED.role
			""";

	static final String RECENT_PAGES = """
			SELECT id, name FROM sandbox.pages ORDER BY created_at DESC, id DESC LIMIT 50
			""";

	static final String TOPICS = """
			SELECT token, title, payload, frequency, stopped FROM sandbox.recurring_tokens
			WHERE page_id = :page AND psid = :psid ORDER BY issued_at
			""";

	static final String SUBSCRIBED_APPS = """
			SELECT s.app_id, a.name FROM sandbox.page_subscriptions s JOIN sandbox.apps a ON a.id = s.app_id
			WHERE s.page_id = :page ORDER BY s.app_id
			""";

	private SimulatorRows() {
	}

}
