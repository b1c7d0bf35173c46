package dev.ebm.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reverse-mode differentiation of recorded graphs. */
public final class Autodiff {
    private Autodiff() {}

    /**
     * Gradients of a scalar {@code output} with respect to each of {@code inputs}.
     *
     * @param createGraph when true the backward pass is recorded, so the returned gradients can be differentiated
     *     again; when false they are constants
     * @return one gradient per input, of the input's shape; zeros for an input the output does not depend on
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        if (output.value().length() != 1) {
            throw new IllegalArgumentException("grad needs a scalar output, found shape "
                    + java.util.Arrays.toString(output.shape()) + "; pass gradOutput for a non-scalar output");
        }
        return grad(output, Tensor.onesLike(output), inputs, createGraph);
    }

    /** Vector-Jacobian products: gradients of {@code sum(output * gradOutput)} with respect to each input. */
    public static List<Tensor> grad(Tensor output, Tensor gradOutput, List<Tensor> inputs, boolean createGraph) {
        try (GradMode.Scope scope = createGraph ? GradMode.on() : GradMode.off()) {
            Map<Tensor, Tensor> grads = new IdentityHashMap<>();
            Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
            wanted.addAll(inputs);
            Map<Tensor, Tensor> results = new IdentityHashMap<>();
            if (output.requiresGrad()) {
                grads.put(output, gradOutput);
                for (Tensor t : reverseTopologicalOrder(output)) {
                    Tensor g = grads.remove(t);
                    if (g == null) {
                        continue;
                    }
                    if (wanted.contains(t)) {
                        results.put(t, g);
                    }
                    Node node = t.node();
                    if (node == null) {
                        continue;
                    }
                    Tensor[] inputGrads = node.backward().apply(g);
                    Tensor[] nodeInputs = node.inputs();
                    for (int i = 0; i < nodeInputs.length; i++) {
                        Tensor in = nodeInputs[i];
                        if (inputGrads[i] == null || !in.requiresGrad()) {
                            continue;
                        }
                        grads.merge(in, inputGrads[i], Tensor::add);
                    }
                }
            }
            List<Tensor> out = new ArrayList<>(inputs.size());
            for (Tensor in : inputs) {
                Tensor g = results.get(in);
                out.add(g != null ? g : Tensor.zerosLike(in));
            }
            return out;
        }
    }

    /** The gradient of a scalar output with respect to one input. */
    public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
        return grad(output, List.of(input), createGraph).get(0);
    }

    /** Tensors reachable from {@code root} through recorded nodes, each before every tensor it was computed from. */
    private static List<Tensor> reverseTopologicalOrder(Tensor root) {
        List<Tensor> postOrder = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t.node();
            Tensor[] ins = node == null ? new Tensor[0] : node.inputs();
            if (next < ins.length) {
                frame[1] = next + 1;
                Tensor child = ins[next];
                if (child.requiresGrad() && visited.add(child)) {
                    stack.push(new Object[] {child, 0});
                }
            } else {
                stack.pop();
                postOrder.add(t);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }
}
