package io.baton.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sandbox's schema, migrated by a Flyway instance of its own (location
 * {@code db/sandbox}, schema {@code sandbox}, history table
 * {@code flyway_sandbox_history}) on the main thread while the context starts. Beans that
 * touch the schema at start-up take this one as a dependency. It deliberately is not a
 * {@link Flyway} bean, which would make Spring Boot skip Baton's own migrations.
 */
@Component
@ConditionalOnSandbox
public class SandboxSchema {

	static final String SCHEMA = "sandbox";

	private final Flyway flyway;

	SandboxSchema(Environment environment) {
		this.flyway = Flyway.configure(getClass().getClassLoader())
			.dataSource(environment.getRequiredProperty("spring.flyway.url"),
					environment.getRequiredProperty("spring.flyway.user"),
					environment.getProperty("spring.flyway.password", ""))
			.locations("classpath:db/sandbox")
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.table("flyway_sandbox_history")
			.placeholders(Map.of("app_role", environment.getProperty("baton.db.app-role", "baton_app")))
			.load();
		this.flyway.migrate();
	}

	/**
	 * A connection with the migrating user's rights, for start-up work on the main thread
	 * only (seeding); requests go through R2DBC.
	 */
	public Connection startupConnection() throws SQLException {
		return this.flyway.getConfiguration().getDataSource().getConnection();
	}

}
