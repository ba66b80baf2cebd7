package io.baton.ingress;

/**
 * The batches of a group commit were not stored (the transaction failed, or too many
 * batches were waiting): every request of the group is answered 503 so Facebook retries.
 */
class BatchesNotStored extends RuntimeException {

	BatchesNotStored(String message, Throwable cause) {
		super(message, cause);
	}

	BatchesNotStored(String message) {
		super(message);
	}

}
