package dev.ebm.runner.eval.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The classifier's class of each of a few chains at recorded steps, and how often it changes along each chain: a
 * chain that mixes between modes changes class; one stuck in a mode (or in noise) does not.
 *
 * @param steps the recorded steps (0 is the start), ascending
 * @param classes {@code [chain][recorded step]} argmax classes
 */
public record ChainClassTrace(int[] steps, int[][] classes) {

    /** The number of times each chain's class differs from its class at the previous recorded step. */
    public int[] changes() {
        int[] out = new int[classes.length];
        for (int i = 0; i < classes.length; i++) {
            for (int t = 1; t < classes[i].length; t++) {
                if (classes[i][t] != classes[i][t - 1]) {
                    out[i]++;
                }
            }
        }
        return out;
    }

    /** The mean number of class changes per chain. */
    public double meanChanges() {
        int[] c = changes();
        double s = 0;
        for (int v : c) {
            s += v;
        }
        return c.length == 0 ? Double.NaN : s / c.length;
    }

    /** The share of chains whose class changed at least once. */
    public double changedFraction() {
        int[] c = changes();
        int changed = 0;
        for (int v : c) {
            if (v > 0) {
                changed++;
            }
        }
        return c.length == 0 ? Double.NaN : (double) changed / c.length;
    }

    /** Writes {@code steps}, {@code classes}, {@code changes}, {@code mean_changes}, {@code changed_fraction}. */
    public void writeTo(ObjectNode node) {
        ArrayNode s = node.putArray("steps");
        for (int v : steps) {
            s.add(v);
        }
        ArrayNode cl = node.putArray("classes");
        for (int[] chain : classes) {
            ArrayNode row = cl.addArray();
            for (int v : chain) {
                row.add(v);
            }
        }
        ArrayNode ch = node.putArray("changes");
        for (int v : changes()) {
            ch.add(v);
        }
        node.put("mean_changes", meanChanges());
        node.put("changed_fraction", changedFraction());
    }
}
