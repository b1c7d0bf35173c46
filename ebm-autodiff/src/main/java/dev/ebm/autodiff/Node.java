package dev.ebm.autodiff;

/** A recorded op: its name, its inputs and its backward rule. */
record Node(String op, Tensor[] inputs, Backward backward) {}
