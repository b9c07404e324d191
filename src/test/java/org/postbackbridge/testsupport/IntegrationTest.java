package org.postbackbridge.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port over real HTTP, on a fresh database of the vendor under
 * test. Tagged so the build runs these once on SQLite and once on PostgreSQL. Every class with this
 * annotation and nothing else shares one running service (Spring's context cache): the networks and
 * settings tests need are in {@code application-test-networks.yml}, not in a {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ActiveProfiles({"test", "test-networks"})
public @interface IntegrationTest {
}
