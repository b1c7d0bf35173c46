package dev.ebm.spark;

import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.engine.GangException;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.spark.BarrierTaskContext;

/**
 * A worker of a barrier stage: its rank is its partition, and {@link #allGather} is the barrier context's
 * {@code allGather} (messages travel through the driver as text: bytes are Base64-encoded, prefixed with the
 * sender's rank so that the result is in rank order whatever order Spark returns).
 */
final class SparkGang implements Gang {
    private final BarrierTaskContext ctx;
    private final int size;

    SparkGang(BarrierTaskContext ctx, int size) {
        this.ctx = ctx;
        this.size = size;
    }

    @Override
    public int rank() {
        return ctx.partitionId();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int attempt() {
        return ctx.stageAttemptNumber();
    }

    /** The host of this task's executor, as Spark's barrier task infos name it ({@code host} or {@code host:port}). */
    @Override
    public String host() {
        String address = ctx.getTaskInfos()[ctx.partitionId()].address();
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }

    @Override
    public byte[][] allGather(byte[] message) {
        byte[] framed = ByteBuffer.allocate(4 + message.length).putInt(rank()).put(message).array();
        String[] all;
        try {
            all = ctx.allGather(Base64.getEncoder().encodeToString(framed));
        } catch (RuntimeException e) {
            throw new GangException("worker " + rank() + ": allGather failed: " + e.getMessage(), e);
        }
        byte[][] out = new byte[size][];
        for (String s : all) {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
            int from = b.getInt();
            byte[] body = new byte[b.remaining()];
            b.get(body);
            out[from] = body;
        }
        return out;
    }
}
