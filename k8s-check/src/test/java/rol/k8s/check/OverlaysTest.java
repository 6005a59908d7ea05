package rol.k8s.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersAndKeepsEveryRule(String overlay) throws Exception {
        assertEquals("", String.join("\n", ManifestCheck.problems(CodeFacts.root().resolve("k8s"), overlay)));
    }
}
