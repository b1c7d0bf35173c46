package dev.ebm.runner.distributed;

import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.engine.GangException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A gang whose all-gathers go over TCP, through worker 0: every other worker keeps one connection to it, sends its
 * message and receives every message back, in rank order. The connections are set up with one all-gather of the
 * engine's gang (worker 0 publishes {@code host:port}). For engines whose own all-gather is slow: Spark's barrier
 * context checks for the answer once a second. The channels are interruptible, so a worker the engine kills stops
 * waiting. Not thread-safe; close it when the gang's work ends.
 */
public final class SocketGang implements Gang, AutoCloseable {
    private final Gang bootstrap;
    private final ServerSocketChannel server;
    /** Worker 0: the connection of each other worker, by rank; elsewhere: {@code [0]} is the one to worker 0. */
    private final SocketChannel[] peers;

    /** Connects the workers of {@code bootstrap} (every worker calls it; it all-gathers once). */
    public SocketGang(Gang bootstrap) {
        this.bootstrap = bootstrap;
        int n = bootstrap.size();
        try {
            if (bootstrap.rank() == 0) {
                server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(0), n);
                String me = bootstrap.host() + ":" + ((InetSocketAddress) server.getLocalAddress()).getPort();
                bootstrap.allGather(me.getBytes(StandardCharsets.UTF_8));
                peers = new SocketChannel[n];
                for (int i = 1; i < n; i++) {
                    SocketChannel c = server.accept();
                    c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    ByteBuffer rank = ByteBuffer.allocate(4);
                    readFully(c, rank);
                    peers[rank.flip().getInt()] = c;
                }
            } else {
                server = null;
                String zero = new String(bootstrap.allGather(new byte[0])[0], StandardCharsets.UTF_8);
                int colon = zero.lastIndexOf(':');
                SocketChannel c = SocketChannel.open(new InetSocketAddress(zero.substring(0, colon),
                        Integer.parseInt(zero.substring(colon + 1))));
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                writeFully(c, ByteBuffer.allocate(4).putInt(bootstrap.rank()).flip());
                peers = new SocketChannel[] {c};
            }
        } catch (IOException e) {
            throw new GangException("worker " + bootstrap.rank() + ": cannot connect the workers: " + e, e);
        }
    }

    @Override
    public int rank() {
        return bootstrap.rank();
    }

    @Override
    public int size() {
        return bootstrap.size();
    }

    @Override
    public int attempt() {
        return bootstrap.attempt();
    }

    @Override
    public String host() {
        return bootstrap.host();
    }

    @Override
    public byte[][] allGather(byte[] message) {
        int n = size();
        byte[][] all = new byte[n][];
        try {
            if (rank() == 0) {
                all[0] = message;
                for (int r = 1; r < n; r++) {
                    all[r] = receive(peers[r]);
                }
                for (int r = 1; r < n; r++) {
                    for (byte[] m : all) {
                        send(peers[r], m);
                    }
                }
            } else {
                send(peers[0], message);
                for (int r = 0; r < n; r++) {
                    all[r] = receive(peers[0]);
                }
            }
        } catch (IOException e) {
            throw new GangException("worker " + rank() + ": the exchange with the other workers failed: " + e, e);
        }
        return all;
    }

    private static void send(SocketChannel c, byte[] m) throws IOException {
        writeFully(c, ByteBuffer.allocate(4).putInt(m.length).flip());
        writeFully(c, ByteBuffer.wrap(m));
    }

    private static byte[] receive(SocketChannel c) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4);
        readFully(c, len);
        ByteBuffer body = ByteBuffer.allocate(len.flip().getInt());
        readFully(c, body);
        return body.array();
    }

    private static void writeFully(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static void readFully(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                throw new IOException("the connection closed");
            }
        }
    }

    @Override
    public void close() {
        try {
            for (SocketChannel c : peers) {
                if (c != null) {
                    c.close();
                }
            }
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // the gang's work is over: nothing waits on these connections any more
        }
    }
}
