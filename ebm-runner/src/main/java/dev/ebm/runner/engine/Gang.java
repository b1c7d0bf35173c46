package dev.ebm.runner.engine;

/**
 * What one worker of a gang sees of the others: its rank, the gang's size and a collective exchange.
 */
public interface Gang {

    /** This worker's rank, 0 to {@link #size()} − 1; rank 0 writes the gang's files. */
    int rank();

    int size();

    /** 0 for the first start of the gang, k for its k-th restart after a failure. */
    int attempt();

    /**
     * An address of the machine this worker runs on that the other workers can reach (for connections of their
     * own between workers); by default the loopback address, right when every worker runs in one machine.
     */
    default String host() {
        return java.net.InetAddress.getLoopbackAddress().getHostAddress();
    }

    /**
     * Sends {@code message} to every worker and waits until every worker has sent its own; returns all messages by
     * rank (this worker's own included, the same array on every worker). Every worker must call it the same number
     * of times: it is a barrier.
     *
     * @throws GangException when the exchange failed (another worker died, a timeout)
     */
    byte[][] allGather(byte[] message);
}
