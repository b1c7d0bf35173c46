package dev.ebm.transitions.elastic;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.Images;
import dev.ebm.transitions.spec.ElasticSpec;

/** Provides the {@code elastic} transition. */
public final class ElasticProvider implements TransitionProvider {
    @Override
    public String type() {
        return "elastic";
    }

    @Override
    public Class<ElasticSpec> specType() {
        return ElasticSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        ElasticSpec s = (ElasticSpec) spec;
        Images.requireImageSamples("elastic", context.sampleShape());
        DisplacementField field = "grid".equals(s.mode()) ? new GridField(s.std(), s.points())
                : new SmoothedField(s.alpha(), s.sigma());
        return new Elastic(field, s.p());
    }

    @Override
    public String description() {
        return "elastic deformation of images [N, C, H, W]: a smoothed random field (Simard) or a random control grid"
                + " (elasticdeform), then bilinear resampling";
    }
}
