package dev.berth.runtime.api.images;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PullCancellationTest {
    @Test
    void aClientLeavingInterruptsTheRunningPull() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean flagLeftOver = new AtomicBoolean(true);
        PullCancellation[] holder = new PullCancellation[1];
        Thread puller = Thread.ofVirtual().unstarted(() -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            } finally {
                holder[0].finished();
                flagLeftOver.set(Thread.currentThread().isInterrupted());
            }
        });
        holder[0] = new PullCancellation(puller);
        puller.start();
        started.await();
        holder[0].clientGone();
        puller.join(TimeUnit.SECONDS.toMillis(5));
        assertTrue(interrupted.get(), "the blocked pull was interrupted");
        assertTrue(holder[0].cancelled());
        assertFalse(flagLeftOver.get(), "the request thread's interrupt flag is cleared when the pull ends");
    }

    @Test
    void aClientLeavingAfterThePullFinishedInterruptsNothing() {
        PullCancellation c = new PullCancellation(Thread.currentThread());
        c.finished();
        c.clientGone();
        assertFalse(Thread.interrupted(), "no interrupt reaches the thread's next request");
        assertFalse(c.cancelled());
    }
}
