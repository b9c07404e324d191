package org.postbackbridge.outbox.internal;

import javax.sql.DataSource;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.postbackbridge.outbox.DispatchLeadership;

@Configuration(proxyBeanMethods = false)
class DispatchLeadershipConfig {

    /** SQLite is one process; on PostgreSQL several instances may share the database. */
    @Bean
    DispatchLeadership dispatchLeadership(DatabaseUrl url, DataSource dataSource) {
        return url.vendor() == DatabaseUrl.Vendor.POSTGRESQL
                ? new PostgresAdvisoryLeadership(dataSource)
                : new SingleInstanceLeadership();
    }
}
