package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.testkit.DataSourceContract;
import org.junit.jupiter.api.Nested;

/** The testkit's data-source contract applied to the toy densities. */
class ToyContractTests {

    abstract static class Case extends DataSourceContract {
        private final String name;

        Case(String name) {
            this.name = name;
        }

        @Override
        protected DataSource source() {
            return ToyCase.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().source().get();
        }
    }

    @Nested
    class EightGaussians extends Case {
        EightGaussians() {
            super("eight-gaussians");
        }
    }

    @Nested
    class Rings extends Case {
        Rings() {
            super("rings");
        }
    }

    @Nested
    class TwoMoons extends Case {
        TwoMoons() {
            super("two-moons");
        }
    }

    @Nested
    class Checkerboard extends Case {
        Checkerboard() {
            super("checkerboard");
        }
    }

    @Nested
    class SwissRoll extends Case {
        SwissRoll() {
            super("swiss-roll");
        }
    }

    @Nested
    class Pinwheel extends Case {
        Pinwheel() {
            super("pinwheel");
        }
    }
}
