package io.baton.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Many rows in one statement with a {@code VALUES (…), (…)} list (one round trip instead
 * of one per row): an {@code INSERT}, or an {@code UPDATE … FROM (VALUES …)}; split so
 * that no statement passes PostgreSQL's limit on bind parameters. Rows are inserted in
 * list order, so identity columns follow it.
 *
 * @param head what comes before {@code VALUES}: {@code INSERT INTO table (a, b, c)}
 * @param tail what follows the values ({@code ON CONFLICT …}, {@code RETURNING …}), or
 * empty
 * @param types each column's Java type, to bind nulls
 */
public record MultiRowValues(String head, String tail, List<Class<?>> types) {

	private static final int MAX_PARAMETERS = 30_000;

	/** Runs the inserts in order and maps each answered row with {@code result}. */
	public <T> Flux<T> run(DatabaseClient database, List<Object[]> rows, Function<Readable, T> result) {
		return Flux.fromIterable(chunks(rows))
			.concatMap((chunk) -> statement(database, chunk).map(result::apply).all());
	}

	/** Runs the inserts in order; answers the rows inserted. */
	public Mono<Long> run(DatabaseClient database, List<Object[]> rows) {
		return Flux.fromIterable(chunks(rows))
			.concatMap((chunk) -> statement(database, chunk).fetch().rowsUpdated())
			.reduce(0L, Long::sum);
	}

	private List<List<Object[]>> chunks(List<Object[]> rows) {
		int perStatement = Math.max(1, MAX_PARAMETERS / this.types.size());
		List<List<Object[]>> chunks = new ArrayList<>();
		for (int from = 0; from < rows.size(); from += perStatement) {
			chunks.add(rows.subList(from, Math.min(rows.size(), from + perStatement)));
		}
		return chunks;
	}

	private GenericExecuteSpec statement(DatabaseClient database, List<Object[]> rows) {
		int columns = this.types.size();
		StringBuilder sql = new StringBuilder(this.head).append(" VALUES ");
		for (int row = 0; row < rows.size(); row++) {
			sql.append((row > 0) ? ", (" : "(");
			for (int column = 0; column < columns; column++) {
				sql.append((column > 0) ? ", $" : "$").append(row * columns + column + 1);
			}
			sql.append(')');
		}
		if (!this.tail.isEmpty()) {
			sql.append(' ').append(this.tail);
		}
		GenericExecuteSpec spec = database.sql(sql.toString());
		for (int row = 0; row < rows.size(); row++) {
			Object[] values = rows.get(row);
			for (int column = 0; column < columns; column++) {
				int index = row * columns + column;
				spec = (values[column] != null) ? spec.bind(index, values[column])
						: spec.bindNull(index, this.types.get(column));
			}
		}
		return spec;
	}

}
