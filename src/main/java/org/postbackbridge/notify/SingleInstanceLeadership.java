package org.postbackbridge.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** SQLite means one process, which is therefore always the dispatcher. */
@Component
@ConditionalOnMissingBean(value = DispatchLeadership.class, ignored = SingleInstanceLeadership.class)
class SingleInstanceLeadership implements DispatchLeadership {

    @Override
    public boolean isLeader() {
        return true;
    }
}
