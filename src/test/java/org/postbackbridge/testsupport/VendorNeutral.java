package org.postbackbridge.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * On an {@link IntegrationTest} whose subject is not the database (what Telegram answers, what
 * reaches the log, how HTTP is handled): the build runs it on SQLite only, because PostgreSQL would
 * repeat the same checks over the same SQL that other integration tests already run there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("vendor-neutral")
public @interface VendorNeutral {
}
