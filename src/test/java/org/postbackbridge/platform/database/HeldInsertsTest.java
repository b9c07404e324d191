package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** On the database the build tests (SQLite, then PostgreSQL). */
@Tag("integration")
class HeldInsertsTest {

    static final String INSERT_ITEM = "INSERT INTO items (name) VALUES (?)";
    static final String INSERT_ITEM_NOTED = "INSERT INTO items (name, note) VALUES (?, 'noted')";
    static final String INSERT_OTHER = "INSERT INTO others (name) VALUES (?)";

    SingleConnectionDataSource connection;
    HeldInserts heldInserts;
    JdbcClient jdbc;
    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.freshUrl());
        connection = new SingleConnectionDataSource(url.jdbcUrl(), url.username(), url.password(), true);
        heldInserts = new HeldInserts(connection);
        jdbc = JdbcClient.create(heldInserts);
        String id = url.vendor() == DatabaseUrl.Vendor.SQLITE ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
        jdbc.sql("CREATE TABLE items (id " + id + ", name TEXT NOT NULL UNIQUE, note TEXT)").update();
        jdbc.sql("CREATE TABLE others (id " + id + ", name TEXT NOT NULL)").update();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(heldInserts));
    }

    @AfterEach
    void tearDown() {
        connection.destroy();
    }

    @Test
    void outsideABatchAnInsertRunsAtOnce() {
        transaction.executeWithoutResult(tx -> {
            heldInserts.insert(INSERT_ITEM, "a");

            assertThat(heldInserts.heldCount()).isZero();
        });

        assertThat(names("items")).containsExactly("a");
    }

    @Test
    void heldInsertsWaitForStatementsOnOtherTablesAndAreSentBeforeOneOnTheirOwn() {
        transaction.executeWithoutResult(tx -> heldInserts.holdingBack(() -> {
            heldInserts.insert(INSERT_ITEM, "a");
            heldInserts.insert(INSERT_ITEM, "b");
            jdbc.sql(INSERT_OTHER).param("x").update();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM others").query(Integer.class).single()).isEqualTo(1);
            assertThat(heldInserts.heldCount()).as("a statement on another table sends nothing").isEqualTo(2);

            assertThat(jdbc.sql("SELECT COUNT(*) FROM items").query(Integer.class).single())
                    .as("a read of their table sees them").isEqualTo(2);
            assertThat(heldInserts.heldCount()).isZero();

            heldInserts.insert(INSERT_ITEM, "c");
        }));

        assertThat(names("items")).as("what was held at the end is sent before the commit").containsExactly("a", "b", "c");
    }

    @Test
    void theRowsOfOneTableAreInsertedInTheOrderTheyWereHeld() {
        transaction.executeWithoutResult(tx -> heldInserts.holdingBack(() -> {
            heldInserts.insert(INSERT_ITEM, "1");
            heldInserts.insert(INSERT_OTHER, "x");
            heldInserts.insert(INSERT_ITEM_NOTED, "2");
            heldInserts.insert(INSERT_ITEM, "3");
            heldInserts.insert(INSERT_OTHER, "y");
        }));

        assertThat(names("items")).containsExactly("1", "2", "3");
        assertThat(names("others")).containsExactly("x", "y");
    }

    @Test
    void anInsertThatFailsWhenSentThrowsFromTheBatchAndNothingHeldRemains() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> heldInserts.holdingBack(() -> {
            heldInserts.insert(INSERT_ITEM, "a");
            heldInserts.insert(INSERT_ITEM, "a");
        }))).isInstanceOf(DataAccessException.class);

        assertThat(heldInserts.heldCount()).isZero();
        assertThat(names("items")).isEmpty();
    }

    @Test
    void sentAtOnceHoldsNothingBackEvenInABatch() {
        HeldInserts atOnce = HeldInserts.sentAtOnce(connection);
        TransactionTemplate itsTransaction = new TransactionTemplate(new DataSourceTransactionManager(atOnce));

        itsTransaction.executeWithoutResult(tx -> atOnce.holdingBack(() -> {
            atOnce.insert(INSERT_ITEM, "a");
            assertThat(atOnce.heldCount()).isZero();
        }));

        assertThat(names("items")).containsExactly("a");
    }

    @Test
    void onlyAnInsertIntoOneTableCanBeHeldBack() {
        assertThatThrownBy(() -> heldInserts.holdingBack(() -> {
            heldInserts.insert("UPDATE items SET note = ?", "x");
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UPDATE items");
    }

    private List<String> names(String table) {
        return jdbc.sql("SELECT name FROM " + table + " ORDER BY id").query(String.class).list();
    }
}
