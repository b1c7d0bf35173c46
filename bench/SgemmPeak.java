import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sgemm peak of this machine through ND4J (its bundled OpenBLAS): C = A·B for square float32 matrices of size
 * 512, 1024 and 2048, best of a number of repetitions, printed as one JSON line per size. With one thread
 * ({@code OMP_NUM_THREADS=1}) the time is the CPU time of the calling thread, which other processes on a busy
 * machine disturb far less than elapsed time; otherwise it is elapsed time. Run by
 * bench/sgemm_peak.py with the distribution's class path:
 *
 * <pre>java -cp "ebm-runner/target/dist/lib/*:ebm-runner/target/dist/mods/*" bench/SgemmPeak.java</pre>
 */
public class SgemmPeak {
    public static void main(String[] args) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "?");
        boolean cpu = "1".equals(threads);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int n : new int[] {512, 1024, 2048}) {
            INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray c = Nd4j.create(DataType.FLOAT, n, n);
            int reps = Math.max(5, (int) (4e10 / (2.0 * n * n * n)));
            double[] s = new double[reps];
            for (int i = -2; i < reps; i++) {
                long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                if (i >= 0) {
                    s[i] = ((cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e9;
                }
            }
            Arrays.sort(s);
            double gflops = 2.0 * n * n * n / s[0] / 1e9;
            System.out.printf("{\"impl\": \"nd4j-openblas\", \"n\": %d, \"threads\": \"%s\", \"clock\": \"%s\", "
                    + "\"best_s\": %.5f, \"gflops\": %.1f}%n", n, threads, cpu ? "cpu" : "wall", s[0], gflops);
        }
    }
}
