package org.communityledger.bench;

/** A value and how long it took to get, by this JVM's monotonic clock. */
record Timed<T>(T value, double seconds) {

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> Timed<T> of(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T value = call.call();
        return new Timed<>(value, (System.nanoTime() - start) / 1e9);
    }
}
