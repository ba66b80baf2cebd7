package io.baton.demo;

/** The SQL of the demo tenant's set-up. */
final class DemoRows {

	static final String EXISTS = """
			SELECT count(*) AS n
			FROM tenants
			WHERE id = :id
			""";

	private DemoRows() {
	}

}
