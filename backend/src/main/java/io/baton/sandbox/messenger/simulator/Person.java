package io.baton.sandbox.messenger.simulator;

import io.baton.sandbox.messenger.handover.ThreadControl;

/**
 * A person in a page's conversation, as resolved for one action.
 *
 * @param pageId the page
 * @param psid the person's PSID on it
 * @param owner the conversation's thread owner
 * @param firstContact whether the person never acted in this conversation before
 */
record Person(String pageId, String psid, ThreadControl.Owner owner, boolean firstContact) {

}
