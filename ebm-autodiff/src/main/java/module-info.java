/**
 * Reverse-mode automatic differentiation over ND4J whose backward passes are themselves recorded, so that
 * gradients can be differentiated again (the analogue of PyTorch's {@code create_graph=True}).
 */
module dev.ebm.autodiff {
    requires org.slf4j;
    exports dev.ebm.autodiff;
}
