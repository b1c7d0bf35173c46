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
                List<Tensor> order = reverseTopologicalOrder(output, inputs.size() == 1 ? inputs.get(0) : null);
                Set<Tensor> needed = needed(order, wanted);
                for (Tensor t : order) {
                    Tensor g = grads.remove(t);
                    if (g == null || !needed.contains(t)) {
                        continue;
                    }
                    if (wanted.contains(t)) {
                        results.put(t, g);
                    }
                    Node node = t.node();
                    if (node == null || !feedsNeeded(node, needed)) {
                        continue;
                    }
                    Tensor[] inputGrads = node.backward().apply(g);
                    Tensor[] nodeInputs = node.inputs();
                    for (int i = 0; i < nodeInputs.length; i++) {
                        Tensor in = nodeInputs[i];
                        if (inputGrads[i] == null || !in.requiresGrad() || !needed.contains(in)) {
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

    /**
     * The tensors of {@code order} (reverse topological) from which some wanted input is reachable: only their
     * backward rules contribute to the results. Skipping the others keeps, e.g., a gradient in an intermediate
     * tensor from running the backward of everything that tensor was computed from.
     */
    private static Set<Tensor> needed(List<Tensor> order, Set<Tensor> wanted) {
        Set<Tensor> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor t = order.get(k);
            if (wanted.contains(t)) {
                needed.add(t);
                continue;
            }
            Node node = t.node();
            if (node == null) {
                continue;
            }
            for (Tensor in : node.inputs()) {
                if (in.requiresGrad() && needed.contains(in)) {
                    needed.add(t);
                    break;
                }
            }
        }
        return needed;
    }

    private static boolean feedsNeeded(Node node, Set<Tensor> needed) {
        for (Tensor in : node.inputs()) {
            if (in.requiresGrad() && needed.contains(in)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tensors reachable from {@code root} through recorded nodes, each before every tensor it was computed from.
     * The walk does not descend below {@code stop} (the only wanted input, when there is one): nothing it was
     * computed from can contribute to its gradient.
     */
    private static List<Tensor> reverseTopologicalOrder(Tensor root, Tensor stop) {
        List<Tensor> postOrder = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t == stop ? null : t.node();
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
