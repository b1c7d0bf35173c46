package dev.ebm.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.Optimizer;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.OptimizerProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.OptimizerSpec;
import dev.ebm.runner.optim.AdamProvider;
import dev.ebm.runner.optim.AdamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    /** A second provider that claims the id "adam". */
    public static final class OtherAdam implements OptimizerProvider {
        @Override
        public String type() {
            return "adam";
        }

        @Override
        public Class<AdamSpec> specType() {
            return AdamSpec.class;
        }

        @Override
        public Optimizer create(OptimizerSpec spec, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void duplicateTypeIdsFailNamingBothClasses() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new AdamProvider(), new OtherAdam())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("[Plugins/DuplicateType] two optimizer providers have type 'adam': "
                        + AdamProvider.class.getName() + " and " + OtherAdam.class.getName());
    }

    @Test
    void serviceLoaderFindsThePluginsOfEveryModule() {
        PluginRegistry r = PluginRegistry.load();
        assertThat(r.types(Kind.ENERGY)).contains("mlp");
        assertThat(r.types(Kind.SAMPLER)).contains("langevin");
        assertThat(r.types(Kind.NEGATIVES)).contains("noise", "data", "replay-buffer");
        assertThat(r.types(Kind.OBJECTIVE)).contains("ml", "energy-l2");
        assertThat(r.types(Kind.OPTIMIZER)).contains("adam");
        assertThat(r.types(Kind.DATA)).contains("eight-gaussians");
    }
}
