package io.baton.sandbox.messenger.handover;

/** The SQL of thread control: the apps' roles on a page and their names. */
final class HandoverRows {

	static final String APP_NAME = """
			SELECT name FROM sandbox.apps WHERE id = :id
			""";

	static final String APP_ROLES = """
			SELECT app_id, role FROM sandbox.page_app_roles WHERE page_id = :page
			""";

	private HandoverRows() {
	}

}
