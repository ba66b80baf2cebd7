package io.baton.ingress;

/**
 * Published after intake committed webhook batches, so routing workers in this process
 * look at once instead of at their next poll.
 *
 * @param count batches stored
 */
public record BatchesStored(int count) {
}
