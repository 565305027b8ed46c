package newsdesk.summarize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Trains the {@link SentenceScorer} on stories with reference summaries: each candidate sentence is
 * labelled by the greedy oracle, and gradient-boosted trees learn the labels from the sentence's features.
 * Deterministic: the same stories in the same order give the same model text, byte for byte.
 */
public final class SummarizerTraining {

    /** A training story: its body, optional title, reference summary (one sentence per line), and its weight in the fit. */
    public record Story(String id, String title, String article, String reference, double weight) {
    }

    /** The oracle picks at most this many sentences, as many as CNN/DailyMail highlights have on average. */
    static final int ORACLE_SENTENCES = 3;
    /** Chosen on out-of-fold summaries of cnndm-dev-2000 and bbc-dev; see docs/summaries.md. */
    static final BoostedTrees.Settings SETTINGS = new BoostedTrees.Settings(200, 4, 0.05, 5, 1.0, 32);

    private final List<Story> stories;
    private final List<double[][]> features = new ArrayList<>();
    private final List<boolean[]> labels = new ArrayList<>();

    public SummarizerTraining(List<Story> stories) {
        this.stories = List.copyOf(stories);
        for (Story story : this.stories) {
            List<String> texts = ExtractiveSummarizer.candidateSentences(story.title(), story.article(), Language.EN);
            features.add(texts.isEmpty() ? new double[0][] : SentenceFeatures.of(Candidates.of(texts, Language.EN)).rows());
            labels.add(OracleLabels.of(texts, story.reference(), ORACLE_SENTENCES));
        }
    }

    /** The scorer trained on every story, as the resource text. */
    public String model() {
        return train(story -> true).format();
    }

    /**
     * Summaries of every story by a scorer trained without it: the stories are dealt into folds by their
     * position in the input (story i in fold i mod folds), and each fold is summarised by a scorer trained
     * on the other folds. These are the figures to evaluate, as no story is scored by a model that saw it.
     */
    public Map<String, List<String>> outOfFoldSummaries(int folds, SummaryLength length) {
        if (folds < 2 || folds > stories.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of stories: " + folds);
        }
        Map<String, List<String>> summaries = new LinkedHashMap<>();
        List<List<String>> byStory = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            byStory.add(null);
        }
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            SentenceScorer scorer = train(story -> story % folds != held);
            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(length, 0, new LearnedRanking(scorer));
            for (int i = held; i < stories.size(); i += folds) {
                Story story = stories.get(i);
                byStory.set(i, summarizer.summarize(story.title(), story.article(), "en"));
            }
        }
        for (int i = 0; i < stories.size(); i++) {
            summaries.put(stories.get(i).id(), byStory.get(i));
        }
        return summaries;
    }

    private SentenceScorer train(IntPredicate included) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> rowLabels = new ArrayList<>();
        List<Double> rowWeights = new ArrayList<>();
        int trainedStories = 0;
        for (int s = 0; s < stories.size(); s++) {
            if (!included.test(s) || features.get(s).length == 0) {
                continue;
            }
            trainedStories++;
            for (int i = 0; i < features.get(s).length; i++) {
                rows.add(features.get(s)[i]);
                rowLabels.add(labels.get(s)[i]);
                rowWeights.add(stories.get(s).weight());
            }
        }
        int n = rows.size();
        int d = SentenceFeatures.COUNT;
        double[] means = new double[d];
        for (double[] row : rows) {
            for (int k = 0; k < d; k++) {
                means[k] += row[k] / n;
            }
        }
        double[][] x = rows.toArray(new double[0][]);
        boolean[] y = new boolean[n];
        double[] weights = rowWeights.stream().mapToDouble(Double::doubleValue).toArray();
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = rowLabels.get(i);
            positives += y[i] ? 1 : 0;
        }
        BoostedTrees.Model model = BoostedTrees.fit(x, y, weights, SETTINGS);
        String comment = String.format(Locale.ROOT,
                "gradient-boosted trees (%d trees, depth %d, learning rate %s) on %d sentences of %d stories,"
                        + " %d of them in the greedy oracle (max %d per story)",
                SETTINGS.trees(), SETTINGS.depth(), SETTINGS.learningRate(), n, trainedStories, positives, ORACLE_SENTENCES);
        // Through the text form, so the scorer used here is exactly the one a saved model gives.
        return SentenceScorer.parse(new SentenceScorer(comment, means, model).format());
    }
}
