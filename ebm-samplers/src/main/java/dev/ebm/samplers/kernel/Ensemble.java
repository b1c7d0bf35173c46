package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.StepInfo;
import java.util.List;

/**
 * The internal part of a replica-exchange state: one inner-kernel state per temperature (index 0 is T = 1, the
 * visible chains), the number of steps taken in this run, and what each temperature's last step reported (for
 * warm-up adaptation). Immutable.
 */
record Ensemble(List<ChainState> replicas, long step, List<StepInfo> infos) {
    Ensemble {
        replicas = List.copyOf(replicas);
        infos = List.copyOf(infos);
    }
}
