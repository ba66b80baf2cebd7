package io.baton.botapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every failure of the bot API's handlers as Graph's error object: Baton's refusals in
 * Graph's words, an unreadable request as Graph's bad parameter, anything unexpected as
 * Graph's temporary failure (logged once).
 */
@RestControllerAdvice(assignableTypes = BotGraphEndpoints.class)
class BotGraphErrors {

	private static final Logger logger = LoggerFactory.getLogger(BotGraphErrors.class);

	private final GraphAnswers answers;

	BotGraphErrors(GraphAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> refused(GraphRefusal refusal) {
		return this.answers.entity(refusal);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unreadable(ServerWebInputException unreadable) {
		return this.answers.entity(GraphRefusal.invalidParameter("Invalid parameter"));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> failed(Exception failure) {
		logger.error("The bot API failed", failure);
		return this.answers.entity(GraphRefusal.unexpected());
	}

}
