package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PruningTest {

    @Test
    void batchesRunUntilOneComesBackShort() {
        Queue<Integer> batches = new ArrayDeque<>(List.of(Pruning.BATCH, Pruning.BATCH, 3, Pruning.BATCH));

        assertThat(Pruning.inBatches(batches::remove)).isEqualTo(2 * Pruning.BATCH + 3);
        assertThat(batches).as("the batch after the short one is not run").containsExactly(Pruning.BATCH);
    }

    @Test
    void aScheduledRunThatFailsLeavesTheScheduleRunning() {
        assertThatCode(() -> Pruning.scheduled(LoggerFactory.getLogger(PruningTest.class), "rows", Duration.ofDays(1), () -> {
            throw new IllegalStateException("database down");
        })).doesNotThrowAnyException();
    }
}
