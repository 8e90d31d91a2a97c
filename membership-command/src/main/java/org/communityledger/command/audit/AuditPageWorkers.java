package org.communityledger.command.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Threads that work on one page of an audit stream (hashing it, writing it out) while the stream reads the next
 * page from PostgreSQL: without them the database and the service take turns, and on a verify each side spent
 * about as long as the other.
 *
 * <p>A few threads and no queue: an audit whose page finds every thread busy works on it itself, so a burst of
 * audits never waits behind one another. The pool is built with Boot's builder and shut down with the context,
 * but it is not exposed as an {@code Executor} bean: one would make Boot's {@code applicationTaskExecutor} back
 * off, and Spring MVC runs the streamed export on that one.
 */
@Component
class AuditPageWorkers implements DisposableBean {

    private static final int THREADS = 2;
    private static final int MOST_THREADS = 4;

    private final ThreadPoolTaskExecutor threads;

    AuditPageWorkers(ThreadPoolTaskExecutorBuilder builder) {
        threads = builder.corePoolSize(THREADS).maxPoolSize(MOST_THREADS).queueCapacity(0)
                .threadNamePrefix("audit-pages-").build();
        threads.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        threads.initialize();
    }

    /** Starts working on a page; the page before it must have been finished (see {@link #finish}). */
    CompletableFuture<Void> start(List<StoredEvent> page, Consumer<StoredEvent> consumer) {
        return CompletableFuture.runAsync(() -> page.forEach(consumer), threads);
    }

    /** Waits for the work on a page; what it threw is thrown here, as the consumer threw it. */
    static void finish(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
