package org.communityledger.bench;

import java.io.IOException;

/** A process stopped with SIGSTOP until closed, then continued with SIGCONT: it keeps its state and connections. */
final class Paused implements AutoCloseable {

    private final long pid;

    private Paused(long pid) {
        this.pid = pid;
    }

    static Paused process(long pid) throws IOException, InterruptedException {
        signal("-STOP", pid);
        return new Paused(pid);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        signal("-CONT", pid);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " failed with " + exit);
        }
    }
}
