package org.communityledger.launcher;

import java.io.IOException;

/** A process stopped with SIGSTOP until closed, then continued with SIGCONT: it keeps its state and connections. */
public final class PausedProcess implements AutoCloseable {

    private final long pid;

    private PausedProcess(long pid) {
        this.pid = pid;
    }

    public static PausedProcess of(long pid) throws IOException, InterruptedException {
        signal("-STOP", pid);
        return new PausedProcess(pid);
    }

    /** Continues the process; a process that died meanwhile (killed while stopped) needs nothing. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            signal("-CONT", pid);
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " failed with " + exit);
        }
    }
}
