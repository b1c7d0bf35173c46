package dev.ebm.transitions.elastic;

import dev.ebm.api.Rng;

/** Draws the random displacement fields of elastic deformations. */
interface DisplacementField {

    /**
     * Draws the fields of {@code count} images of {@code h × w} pixels: image q's row displacement at pixel (i, j)
     * goes to {@code dy[(q·h + i)·w + j]}, its column displacement to {@code dx} at the same index, in pixels.
     */
    void draw(int count, int h, int w, Rng rng, double[] dy, double[] dx);

    /** Whether every field drawn is zero (zero strength): the deformation is then the identity. */
    boolean zero();
}
