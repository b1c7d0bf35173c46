package dev.ebm.runner.distributed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bytes workers exchange. A step message is the step's metrics (float64) followed by every gradient's values in
 * C order, in the gradients' own data type (float32 or float64: exact, so every worker averages the same numbers);
 * the shapes are not sent, every worker knows them. A parts message (checkpoint state) is named parts of named arrays,
 * each array as {@code .npy} bytes.
 */
final class ArrayCodec {
    private ArrayCodec() {}

    /** A step message: {@code metrics} then the values of {@code arrays}. */
    static byte[] encodeStep(double[] metrics, List<INDArray> arrays) {
        long bytes = 4 + 8L * metrics.length;
        for (INDArray a : arrays) {
            bytes += a.length() * a.dataType().width();
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(bytes));
        b.putInt(metrics.length);
        for (double m : metrics) {
            b.putDouble(m);
        }
        for (INDArray a : arrays) {
            INDArray c = a.dup('c');
            if (a.dataType() == DataType.DOUBLE) {
                b.asDoubleBuffer().put(c.data().asDouble(), 0, (int) a.length());
                b.position(b.position() + 8 * (int) a.length());
            } else if (a.dataType() == DataType.FLOAT) {
                b.asFloatBuffer().put(c.data().asFloat(), 0, (int) a.length());
                b.position(b.position() + 4 * (int) a.length());
            } else {
                throw new IllegalArgumentException("gradients must be float32 or float64, found " + a.dataType());
            }
        }
        return b.array();
    }

    /** The metrics of a step message. */
    static double[] metrics(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message);
        double[] m = new double[b.getInt()];
        for (int i = 0; i < m.length; i++) {
            m[i] = b.getDouble();
        }
        return m;
    }

    /** The arrays of a step message, shaped and typed like {@code like} (fresh arrays, in the current workspace). */
    static List<INDArray> arrays(byte[] message, List<INDArray> like) {
        ByteBuffer b = ByteBuffer.wrap(message);
        b.position(4 + 8 * b.getInt(0));
        List<INDArray> out = new java.util.ArrayList<>(like.size());
        for (INDArray l : like) {
            int n = (int) l.length();
            if (l.dataType() == DataType.DOUBLE) {
                double[] v = new double[n];
                b.asDoubleBuffer().get(v);
                b.position(b.position() + 8 * n);
                out.add(Nd4j.create(v, l.shape(), 'c'));
            } else {
                float[] v = new float[n];
                b.asFloatBuffer().get(v);
                b.position(b.position() + 4 * n);
                out.add(Nd4j.create(v, l.shape(), 'c'));
            }
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException("a step message has " + b.remaining() + " bytes more than the gradients");
        }
        return out;
    }

    /** Named parts of named arrays as bytes. */
    static byte[] encodeParts(Map<String, Map<String, INDArray>> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(parts.size());
            for (var part : parts.entrySet()) {
                out.writeUTF(part.getKey());
                out.writeInt(part.getValue().size());
                for (var a : part.getValue().entrySet()) {
                    out.writeUTF(a.getKey());
                    byte[] npy = Nd4j.toNpyByteArray(a.getValue());
                    out.writeInt(npy.length);
                    out.write(npy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encodeParts} wrote, in its order. */
    static Map<String, Map<String, INDArray>> decodeParts(byte[] message) {
        Map<String, Map<String, INDArray>> parts = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int k = in.readInt();
                Map<String, INDArray> part = new LinkedHashMap<>();
                for (int j = 0; j < k; j++) {
                    String array = in.readUTF();
                    byte[] npy = new byte[in.readInt()];
                    in.readFully(npy);
                    part.put(array, Nd4j.createNpyFromByteArray(npy));
                }
                parts.put(name, part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }
}
