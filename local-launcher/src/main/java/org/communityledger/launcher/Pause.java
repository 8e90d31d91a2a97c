package org.communityledger.launcher;

/** Waiting between polls. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting", e);
        }
    }
}
