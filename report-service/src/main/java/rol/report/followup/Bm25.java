package rol.report.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over a few dozen passages, and the idf-weighted share of a query's terms that a set of passages
 * contains ({@link #coverage}): BM25 ranks the candidates, coverage says how much of the query they answer.
 * Document frequencies come from every passage of the reports compared, so words all of them use weigh little.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;
    private final double averageLength;

    Bm25(Collection<Passage> collection) {
        long totalLength = 0;
        for (Passage p : collection) {
            totalLength += p.terms().size();
            for (String t : new HashSet<>(p.terms())) documentFrequency.merge(t, 1, Integer::sum);
        }
        documents = Math.max(1, collection.size());
        averageLength = Math.max(1.0, (double) totalLength / documents);
    }

    double idf(String term) {
        int n = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (documents - n + 0.5) / (n + 0.5));
    }

    double score(Passage query, Passage document) {
        Map<String, Integer> tf = new HashMap<>();
        for (String t : document.terms()) tf.merge(t, 1, Integer::sum);
        double lengthNorm = K1 * (1 - B + B * document.terms().size() / averageLength);
        double score = 0;
        for (String t : new HashSet<>(query.terms())) {
            Integer f = tf.get(t);
            if (f != null) score += idf(t) * f * (K1 + 1) / (f + lengthNorm);
        }
        return score;
    }

    /**
     * BM25 plus the idf of the words both titles share: a heading says what a passage is about, while its body
     * mentions neighbouring matters in passing.
     */
    double scoreWithTitles(Passage query, Passage document) {
        double score = score(query, document);
        for (String t : query.titleTerms()) {
            if (document.titleTerms().contains(t)) score += idf(t);
        }
        return score;
    }

    /** The idf-weighted share of the query's distinct terms found in any of the passages, 0..1. */
    double coverage(Passage query, List<Passage> passages) {
        Set<String> found = new HashSet<>();
        for (Passage p : passages) found.addAll(p.terms());
        double all = 0;
        double hit = 0;
        for (String t : new HashSet<>(query.terms())) {
            double w = idf(t);
            all += w;
            if (found.contains(t)) hit += w;
        }
        return all == 0 ? 0 : hit / all;
    }
}
