package org.postbackbridge.notify;

/** SQLite means one process, which is therefore always the dispatcher. */
class SingleInstanceLeadership implements DispatchLeadership {

    @Override
    public boolean isLeader() {
        return true;
    }
}
