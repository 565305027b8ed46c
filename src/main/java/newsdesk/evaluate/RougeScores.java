package newsdesk.evaluate;

/** One document's ROUGE F1 scores, each between 0 and 1. */
public record RougeScores(double rouge1, double rouge2, double rougeL, double rougeLsum) {

    public static final RougeScores ZERO = new RougeScores(0, 0, 0, 0);
}
