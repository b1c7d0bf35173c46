package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A training run holds the kernels' warm-ups back until its first step: they wait, and run once released. */
class WarmUpHoldTest {

    @AfterEach
    void release() {
        Kernels.releaseWarmUp();
    }

    @Test
    void aHeldWarmUpWaitsUntilReleased() throws Exception {
        Kernels.holdWarmUp(60_000);
        Thread waiting = new Thread(KernelWarmUp::awaitRelease, "held");
        waiting.start();
        waiting.join(300);
        assertThat(waiting.isAlive()).as("waits while held").isTrue();
        assertThat(waiting.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        Kernels.releaseWarmUp();
        waiting.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(waiting.isAlive()).as("runs once released").isFalse();
    }

    @Test
    void aHoldEndsByItselfAfterItsLongestWait() throws Exception {
        Kernels.holdWarmUp(200);
        Thread waiting = new Thread(KernelWarmUp::awaitRelease, "held briefly");
        waiting.start();
        waiting.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(waiting.isAlive()).as("no release needed after the hold's time").isFalse();
    }

    @Test
    void withoutAHoldNothingWaits() {
        assertThat(KernelWarmUp.awaitRelease()).isTrue();
    }
}
