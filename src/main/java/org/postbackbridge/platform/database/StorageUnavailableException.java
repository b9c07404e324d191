package org.postbackbridge.platform.database;

/** The database could not durably store something; the caller must not acknowledge it. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
