package dev.ebm.objectives;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.testkit.ObjectiveTermContract;
import org.junit.jupiter.api.Nested;

/** The testkit's objective-term contract applied to every term of this module. */
class ObjectiveContractTests {
    static final String LANGEVIN = "{\"type\":\"langevin\",\"steps\":3,\"stepSize\":0.05,\"noise\":0.1}";

    /** A contract case: a term spec in JSON and, for terms that replay sampler steps, a kernel spec. */
    abstract static class Case extends ObjectiveTermContract {
        private final String json;
        private final String kernel;

        Case(String json, String kernel) {
            this.json = json;
            this.kernel = kernel;
        }

        @Override
        protected ObjectiveProvider provider() {
            ObjectiveSpec s = spec();
            return (ObjectiveProvider) Setup.REGISTRY.providers(Kind.OBJECTIVE).get(Setup.REGISTRY.typeOf(s));
        }

        @Override
        protected ObjectiveSpec spec() {
            return Setup.spec(json, ObjectiveSpec.class);
        }

        @Override
        protected SamplerKernel kernel() {
            return kernel == null ? null : Setup.kernel(kernel);
        }
    }

    @Nested
    class Ml extends Case {
        Ml() {
            super("{\"type\":\"ml\"}", null);
        }
    }

    @Nested
    class CdStar extends Case {
        CdStar() {
            super("{\"type\":\"cd-star\"}", null);
        }
    }

    @Nested
    class Cd extends Case {
        Cd() {
            super("{\"type\":\"cd\",\"backpropSteps\":2,\"entropy\":{\"weight\":0.5,\"buffer\":20}}", LANGEVIN);
        }
    }

    @Nested
    class KlAux extends Case {
        KlAux() {
            super("{\"type\":\"kl-aux\",\"sign\":\"du2020\",\"backpropSteps\":1}", LANGEVIN);
        }
    }

    @Nested
    class EnergyL2 extends Case {
        EnergyL2() {
            super("{\"type\":\"energy-l2\",\"weight\":0.1}", null);
        }
    }

    @Nested
    class Softplus extends Case {
        Softplus() {
            super("{\"type\":\"softplus\"}", null);
        }
    }

    @Nested
    class LogSumExp extends Case {
        LogSumExp() {
            super("{\"type\":\"logsumexp\"}", null);
        }
    }

    @Nested
    class Nce extends Case {
        Nce() {
            super("{\"type\":\"nce\",\"ratio\":2}", null);
        }
    }

    @Nested
    class Dsm extends Case {
        Dsm() {
            super("{\"type\":\"dsm\",\"sigma\":0.3}", null);
        }
    }
}
