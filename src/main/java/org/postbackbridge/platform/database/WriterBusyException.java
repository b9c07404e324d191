package org.postbackbridge.platform.database;

/** Too many requests are already waiting for the database; this one was not stored and may be sent again. */
public class WriterBusyException extends StorageUnavailableException {

    public WriterBusyException(int waiting) {
        super(waiting + " requests are already waiting for the database", null);
    }
}
