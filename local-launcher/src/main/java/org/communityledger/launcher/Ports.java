package org.communityledger.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks on local TCP ports. */
final class Ports {

    private static final int TEST_PORTS_FROM = 20_000;
    private static final int TEST_PORTS_UNTIL = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final Random RANDOM = new Random();

    private Ports() {
    }

    /** Fails with a clear message if something already listens on the port. */
    static void requireFree(int port, String purpose, String variable) {
        if (!isFree(port)) {
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

    /**
     * A free port for tests, never handed out before by this JVM. It is taken below Linux's ephemeral range
     * (32768 and up): a port the operating system picks for {@code bind(0)} comes from that range, which every
     * outgoing connection (Kafka clients, JDBC, HTTP) also draws from, so between the check and the service's
     * bind one of them could take it and the service would exit with "port already in use".
     */
    static int anyFree() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = TEST_PORTS_FROM + RANDOM.nextInt(TEST_PORTS_UNTIL - TEST_PORTS_FROM);
            if (isFree(candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new LaunchException("no free port between " + TEST_PORTS_FROM + " and " + TEST_PORTS_UNTIL);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
