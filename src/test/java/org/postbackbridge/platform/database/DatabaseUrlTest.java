package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theFormsOperatorsAreHandedAreUnderstood() {
        DatabaseUrl hosted = DatabaseUrl.parse("postgres://bridge:p%40ss@db.example.com/bridge?sslmode=require");
        assertThat(hosted.vendor()).isEqualTo(DatabaseUrl.Vendor.POSTGRESQL);
        assertThat(hosted.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/bridge?sslmode=require");
        assertThat(hosted.username()).isEqualTo("bridge");
        assertThat(hosted.password()).isEqualTo("p@ss");
        assertThat(hosted.toString()).doesNotContain("p@ss");

        assertThat(DatabaseUrl.parse("").sqliteFile()).hasToString(DatabaseUrl.DEFAULT_SQLITE_FILE);
        assertThat(DatabaseUrl.parse("data/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:data/x.db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?password=secret").toString()).doesNotContain("secret");
    }

    @Test
    void passwordsWithUrlCharactersAreReadWholeAndNeverShown() {
        for (String password : new String[] {"Pg?Secret", "p@ss@word", "a:b:c", "x/y/z", "q?w@e:r/t", "50%+off"}) {
            DatabaseUrl url = DatabaseUrl.parse("postgres://u:" + password + "@db/x");

            assertThat(url.password()).as(password).isEqualTo(password);
            assertThat(url.username()).isEqualTo("u");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
            assertThat(url.toString()).doesNotContain(password).doesNotContain("Secret");
        }
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:Pg?Secret@/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Secret");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutRepeatingItsPassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bridge:s3cret with space@127.0.0.1/bridge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-encoded")
                .hasMessageNotContaining("s3cret");
    }
}
