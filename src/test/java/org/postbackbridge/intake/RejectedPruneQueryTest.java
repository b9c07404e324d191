package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.QueryPlans;

/**
 * Pruning refused postbacks runs inside a write transaction that every postback waits behind, so it
 * must read the refused rows only, never the whole table of postbacks kept for ever.
 */
class RejectedPruneQueryTest {

    @Test
    void pruningReadsTheRefusedRowsThroughTheirIndex() {
        assertThat(QueryPlans.onSqlite(PostbackInbox.DELETE_REJECTED))
                .contains("INDEX postbacks_rejected").doesNotContain("SCAN postbacks");
    }
}
