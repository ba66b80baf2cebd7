package io.baton.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The {@code WHERE} clause of a list page: the conditions that always hold (the tenant's
 * rows) and each optional filter, kept only when its value is present and then bound by
 * name. The SQL comes from the caller's text; only the values are bound.
 */
public final class Filters {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> values = new LinkedHashMap<>();

	private Filters() {
	}

	/** Starts with a condition that always applies, such as the tenant's rows. */
	public static Filters where(String condition, String name, Object value) {
		return new Filters().and(condition, name, value);
	}

	/**
	 * Adds {@code condition} (which names {@code :name}) when the value is present; a
	 * null value leaves the filter out.
	 */
	public Filters and(String condition, String name, @Nullable Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.values.put(name, value);
		}
		return this;
	}

	/**
	 * Adds {@code column ILIKE :name} for a part of a text, with the wildcards in it
	 * matched literally, when the part is present.
	 */
	public Filters andContains(String column, String name, @Nullable String part) {
		return and(column + " ILIKE :" + name, name,
				(part != null) ? "%" + part.replace("%", "\\%").replace("_", "\\_") + "%" : null);
	}

	/** The conditions joined with {@code AND}, for after {@code WHERE}. */
	public String clause() {
		return String.join(" AND ", this.conditions);
	}

	/** The values to bind, by name, in the order added. */
	public Map<String, Object> values() {
		return Collections.unmodifiableMap(this.values);
	}

	/** Binds every present value to the statement. */
	public GenericExecuteSpec bind(GenericExecuteSpec statement) {
		GenericExecuteSpec bound = statement;
		for (Map.Entry<String, Object> value : this.values.entrySet()) {
			bound = bound.bind(value.getKey(), value.getValue());
		}
		return bound;
	}

}
