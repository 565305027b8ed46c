package newsdesk.summarize;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
 * No randomness and a fixed order of operations, so the same data always give the same weights.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    /**
     * @param x      standardised features, one row per example
     * @param y      the labels
     * @param lambda L2 penalty on the weights (not the intercept)
     * @return the intercept followed by one weight per feature
     */
    static double[] fit(double[][] x, boolean[] y, double lambda) {
        int d = x[0].length + 1;
        double[] w = new double[d];
        double[] row = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, d - 1);
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w[k] * row[k];
                }
                double p = 1 / (1 + Math.exp(-z));
                double residual = p - (y[i] ? 1 : 0);
                double curvature = p * (1 - p);
                for (int k = 0; k < d; k++) {
                    gradient[k] += residual * row[k];
                    for (int l = 0; l <= k; l++) {
                        hessian[k][l] += curvature * row[k] * row[l];
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < k; l++) {
                    hessian[l][k] = hessian[k][l];
                }
                if (k > 0) {
                    gradient[k] += lambda * w[k];
                    hessian[k][k] += lambda;
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int k = 0; k < d; k++) {
                w[k] -= step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting; a is positive definite here (the penalty sees to it). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * solution[c];
            }
            solution[r] = sum / m[r][r];
        }
        return solution;
    }
}
