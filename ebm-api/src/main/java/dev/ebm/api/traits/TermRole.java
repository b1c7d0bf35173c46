package dev.ebm.api.traits;

import java.util.List;

/**
 * The role an objective term plays, as its provider declares it ({@link dev.ebm.api.plugin.ObjectiveProvider#role}).
 * {@code bin/ebm explain} and the refusals of {@code bin/ebm train} read only this, never a type id.
 *
 * <ul>
 *   <li>{@link Role#CONTRASTIVE}: the gradient is a positive phase on the data minus a negative phase on the chains,
 *       so what it estimates depends on where the chains start ({@link ChainStart}). {@code chains} says which
 *       chains the term is meant for: {@link ChainUse#MODEL} (maximum likelihood: explain warns when the chains
 *       start at the data), {@link ChainUse#DATA_ONLY} (defined only for chains started at the data, as CD and CD*
 *       are: train refuses it otherwise) or {@link ChainUse#ANY}. {@code klTerm} is true when the term includes CD's
 *       KL term, differentiated through the sampler;</li>
 *   <li>{@link Role#SAMPLE_FREE}: the term needs no MCMC (noise-contrastive estimation, score matching);
 *       its instances answer {@link dev.ebm.api.ObjectiveTerm#needsNegatives()} with false;</li>
 *   <li>{@link Role#REGULARISER}: a penalty that does not define the objective on its own (an energy L2 term);</li>
 *   <li>{@link Role#KL_AUXILIARY}: a KL auxiliary loss beside a contrastive term, with the sign of CD's KL term or
 *       the opposite one ({@code klSign});</li>
 *   <li>{@link Role#UNDECLARED}: what a provider that declares nothing gets.</li>
 * </ul>
 *
 * @param role the role
 * @param chains for contrastive terms, which chains the term is meant for; null otherwise
 * @param klTerm for contrastive terms, whether CD's KL term is included
 * @param klSign for KL auxiliary terms, the sign relative to CD's KL term; null otherwise
 * @param summary words explain puts into the objective's name: a contrastive term's variant (e.g. {@code softplus
 *     form of the contrastive loss}, or empty), a sample-free term's objective, a KL auxiliary term's phrase
 * @param notes sentences explain adds to its reasons (the term's spec in words), possibly none
 */
public record TermRole(Role role, ChainUse chains, boolean klTerm, KlSign klSign, String summary, List<String> notes) {

    /** What a term is for. */
    public enum Role { CONTRASTIVE, SAMPLE_FREE, REGULARISER, KL_AUXILIARY, UNDECLARED }

    /** Which chains a contrastive term is meant for. */
    public enum ChainUse {
        /** Chains that sample the model (maximum likelihood). */
        MODEL,
        /** Chains started at the data only (CD-k, CD*, persistent CD); refused with any other chains. */
        DATA_ONLY,
        /** Either. */
        ANY
    }

    /** The sign of a KL auxiliary loss relative to CD's KL term −KL(q_θ‖p_θ). */
    public enum KlSign { AS_IN_CD, OPPOSITE_TO_CD }

    public TermRole {
        if (role == null) {
            throw new IllegalArgumentException("a term role needs its role");
        }
        if ((role == Role.CONTRASTIVE) != (chains != null)) {
            throw new IllegalArgumentException("chains are declared exactly for contrastive terms");
        }
        if ((role == Role.KL_AUXILIARY) != (klSign != null)) {
            throw new IllegalArgumentException("a KL sign is declared exactly for KL auxiliary terms");
        }
        if (klTerm && role != Role.CONTRASTIVE) {
            throw new IllegalArgumentException("only a contrastive term can include CD's KL term");
        }
        summary = summary == null ? "" : summary;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A contrastive term.
     *
     * @param variant the loss's form in words (empty for the plain difference of mean energies)
     */
    public static TermRole contrastive(ChainUse chains, boolean klTerm, String variant, String... notes) {
        return new TermRole(Role.CONTRASTIVE, chains, klTerm, null, variant, List.of(notes));
    }

    /** A term that needs no negative samples; {@code objective} names what it fits. */
    public static TermRole sampleFree(String objective, String... notes) {
        return new TermRole(Role.SAMPLE_FREE, null, false, null, objective, List.of(notes));
    }

    /** A regulariser. */
    public static TermRole regulariser(String... notes) {
        return new TermRole(Role.REGULARISER, null, false, null, "", List.of(notes));
    }

    /** A KL auxiliary loss; {@code words} names it in the objective, e.g. {@code the KL auxiliary loss (sign cd)}. */
    public static TermRole klAuxiliary(KlSign sign, String words, String... notes) {
        return new TermRole(Role.KL_AUXILIARY, null, false, sign, words, List.of(notes));
    }

    /** What a provider that declares nothing gets. */
    public static TermRole undeclared() {
        return new TermRole(Role.UNDECLARED, null, false, null, "", List.of());
    }

    /**
     * Whether the term makes the objective depend on the negative chains (contrastive, KL auxiliary, or undeclared
     * and so assumed to). Sample-free terms and regularisers do not.
     */
    public boolean dependsOnChains() {
        return role == Role.CONTRASTIVE || role == Role.KL_AUXILIARY || role == Role.UNDECLARED;
    }

    /** Whether the term is defined only for chains started at the data. */
    public boolean needsDataChains() {
        return chains == ChainUse.DATA_ONLY;
    }
}
