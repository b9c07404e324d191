package org.postbackbridge.notify;

import javax.sql.DataSource;
import org.postbackbridge.database.DatabaseUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
