package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.testkit.TransitionContract;
import org.junit.jupiter.api.Nested;

/** The testkit's transition contract applied to every transition of this module. */
class TransitionContractTests {
    static final long[] IMAGE = {1, 6, 6};

    @Nested
    class Noise extends TransitionContract {
        @Override
        protected Transition transition() {
            return Plugins.transition("{\"type\":\"noise\",\"std\":0.1}", 3);
        }

        @Override
        protected long[] sampleShape() {
            return new long[] {3};
        }
    }

    @Nested
    class Flip extends TransitionContract {
        @Override
        protected Transition transition() {
            return Plugins.transition("{\"type\":\"flip\"}", IMAGE);
        }

        @Override
        protected Transition atZeroStrength() {
            return Plugins.transition("{\"type\":\"flip\",\"p\":0}", IMAGE);
        }

        @Override
        protected long[] sampleShape() {
            return IMAGE;
        }
    }

    @Nested
    class Jitter extends TransitionContract {
        @Override
        protected Transition transition() {
            return Plugins.transition("{\"type\":\"jitter\",\"pixels\":2}", IMAGE);
        }

        @Override
        protected long[] sampleShape() {
            return IMAGE;
        }
    }
}
