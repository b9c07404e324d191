package org.postbackbridge.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void aValueOutsideItsRangeIsRefusedNamingTheSetting() {
        assertThatCode(() -> Settings.between("POOL", 2, 2, 200)).doesNotThrowAnyException();
        assertThatCode(() -> Settings.between("POOL", 200, 2, 200)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Settings.between("POOL", 201, 2, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("POOL must be between 2 and 200, not 201");
        assertThatThrownBy(() -> Settings.between("RATIO", 1.5, 0, 1)).hasMessage("RATIO must be between 0.0 and 1.0, not 1.5");
        assertThatThrownBy(() -> Settings.between("RATIO", Double.NaN, 0, 1)).hasMessageContaining("not NaN");
        assertThatThrownBy(() -> Settings.atLeast("PER_MINUTE", 0, 1)).hasMessage("PER_MINUTE must be 1 or more, not 0");
        assertThatCode(() -> Settings.atLeast("RETENTION", Duration.ofHours(24), "1d")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Settings.atLeast("RETENTION", Duration.ofHours(23), "1d"))
                .hasMessage("RETENTION must be at least 1d, not PT23H");
        assertThatThrownBy(() -> Settings.atLeast("WINDOW", Duration.ofMillis(999), "1s"))
                .hasMessage("WINDOW must be at least 1s, not PT0.999S");
    }

    @Test
    void aValueMustMatchWholeAndBePresent() {
        assertThatCode(() -> Settings.matches("ru", "ru|en", "LANGUAGE must be ru or en")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Settings.matches("rus", "ru|en", "LANGUAGE must be ru or en")).hasMessage("LANGUAGE must be ru or en");
        assertThatThrownBy(() -> Settings.matches(null, "ru|en", "LANGUAGE must be ru or en")).hasMessage("LANGUAGE must be ru or en");
        assertThatThrownBy(() -> Settings.present("NETWORK", " ")).hasMessage("NETWORK must be set");
        assertThatThrownBy(() -> Settings.present("POLICY", null)).hasMessage("POLICY must be set");
    }
}
