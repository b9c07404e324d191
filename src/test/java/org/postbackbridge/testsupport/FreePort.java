package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback TCP port nothing listens on, for a server or process a test starts itself. */
public final class FreePort {

    private FreePort() {
    }

    /** The port the system gave a socket that was closed again at once. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
