package io.baton.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Baton's PostgreSQL is and how Baton uses it.
 *
 * @param host server host name
 * @param port server port
 * @param name database name
 * @param username login role of the migrations, which own Baton's schema
 * @param password its password, empty for trust authentication
 * @param appRole the role every query logs in as; row-level security binds it
 * @param appPassword its password, empty for trust authentication
 * @param createIfMissing create the database at start-up when it is absent
 */
@ConfigurationProperties("baton.db")
public record DatabaseSettings(@DefaultValue("localhost") String host, @DefaultValue("5432") int port,
		@DefaultValue("baton") String name, @DefaultValue("postgres") String username,
		@DefaultValue("") String password, @DefaultValue("baton_app") String appRole,
		@DefaultValue("") String appPassword, @DefaultValue("true") boolean createIfMissing) {

	public String jdbcUrl() {
		return jdbcUrl(this.name);
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	@Override
	public String toString() {
		return "DatabaseSettings[" + jdbcUrl() + " migrated as " + this.username + ", queried as " + this.appRole + "]";
	}

}
