package org.communityledger.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Checks on local TCP ports. */
final class Ports {

    private Ports() {
    }

    /** Fails with a clear message if something already listens on the port. */
    static void requireFree(int port, String purpose, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " (" + purpose + ") is already in use. Stop what uses it, "
                    + "or choose another port with " + variable + "=<port>.");
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitListening(int port, Duration timeout, Process process, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!accepts(port)) {
            if (!process.isAlive()) {
                throw new LaunchException(what + " exited with code " + process.exitValue() + " before listening on "
                        + port);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException(what + " did not listen on port " + port + " within " + timeout);
            }
            Pause.briefly();
        }
    }

    /** A free port chosen by the operating system, for tests. */
    static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free port", e);
        }
    }
}
