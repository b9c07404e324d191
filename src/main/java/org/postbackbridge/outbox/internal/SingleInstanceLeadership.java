package org.postbackbridge.outbox.internal;

import org.postbackbridge.outbox.DispatchLeadership;

/** SQLite means one process, which is therefore always the dispatcher. */
class SingleInstanceLeadership implements DispatchLeadership {

    @Override
    public boolean isLeader() {
        return true;
    }
}
