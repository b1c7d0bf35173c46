/**
 * Reverse-mode automatic differentiation over ND4J whose backward passes are themselves recorded, so that
 * gradients can be differentiated again (the analogue of PyTorch's {@code create_graph=True}). The fused
 * elementwise kernels use the incubating Java Vector API when the process adds it
 * ({@code --add-modules jdk.incubator.vector}); without it the same ops run as plain ND4J ops.
 */
module dev.ebm.autodiff {
    requires org.slf4j;
    // the fused elementwise kernels; optional: without the module the reference ops run
    requires static jdk.incubator.vector;
    exports dev.ebm.autodiff;
}
