package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.QueryPlans;

/** Deleting old webhook messages reads the rows it deletes through the queue's index, and no others. */
class WebhookPruneQueryTest {

    @Test
    void pruningReadsAnEndpointsEndedMessagesThroughTheQueueIndex() {
        assertThat(QueryPlans.onSqlite(WebhookDeliveries.DELETE_ENDED))
                .contains("INDEX webhook_deliveries_queue (endpoint_id=? AND status=? AND id<?)")
                .doesNotContain("SCAN webhook_deliveries");
    }
}
