package org.postbackbridge.outbox;

import java.time.Clock;
import org.postbackbridge.platform.database.HeldInserts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An outbox on a data source of the test's own, for tests of the outbox's internals. */
public final class TestOutboxes {

    private TestOutboxes() {
    }

    public static Outbox on(HeldInserts heldInserts, Clock clock) {
        return new Outbox(JdbcClient.create(heldInserts), heldInserts, clock, new DispatchSignal());
    }
}
