package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The pieces of {@link ApiReferenceExamplesTest}: the transcript parser, the shell words and the JSON shape check. */
class DocTranscriptsTest
{
    @Test
    void readsRequestsAssignmentsAndTheAnswersShown()
    {
        final String page = String.join("\n",
            "text", "```bash", "H=(-H \"X-API-Key: $K\")   # a key", "curl -s \"${H[@]}\" $B/a \\", "  -d '{\"x\":1,", "\"y\":2}'",
            "201 {\"a\":1,", "     \"b\":2}", "# a comment", "curl -s $B/b      # no answer shown", "java -jar other.jar", "```",
            "curl -s $B/outside");
        final List<DocTranscripts.Step> steps = DocTranscripts.parse(page);
        assertEquals(4, steps.size(), steps.toString());
        assertEquals("H", steps.get(0).name());
        assertEquals("curl -s \"${H[@]}\" $B/a    -d '{\"x\":1, \"y\":2}'", steps.get(1).text());
        assertEquals(201, steps.get(1).status());
        assertEquals("{\"a\":1, \"b\":2}", steps.get(1).answer());
        assertEquals(null, steps.get(2).answer());
        assertEquals("java -jar other.jar", steps.get(3).text());
    }

    @Test
    void splitsWordsAsBashWould()
    {
        final Map<String, List<String>> variables = Map.of("H", List.of("-H", "A: b c"), "B", List.of("http://h"));
        assertEquals(List.of("curl", "-H", "A: b c", "http://h/x?y=1", "-d", "{\"k\":\"$B\"}"),
            DocTranscripts.words("curl \"${H[@]}\" \"$B/x?y=1\" -d '{\"k\":\"$B\"}'", variables));
        assertEquals(null, DocTranscripts.words("curl \"$(rm -rf x)\"", variables));
    }

    @Test
    void holdsAnAnswerToTheDocumentedFieldNamesWhereNothingIsElided() throws Exception
    {
        final JsonNode documented = JsonShapes.documented("{\"a\":1,\"b\":{\"c\":2, ...},\"d\":[{\"e\":3}, ...]}");
        assertTrue(JsonShapes.differences(documented, json("{\"a\":9,\"b\":{\"c\":8,\"more\":1},\"d\":[{\"e\":7},{\"e\":6}]}")).isEmpty());
        assertEquals(List.of("$.d: documented elements, got none", "$: answer fields not documented [x]"),
            JsonShapes.differences(documented, json("{\"a\":1,\"b\":{\"c\":2},\"d\":[],\"x\":0}")));
        assertEquals(List.of("$.b: documented fields not in the answer [c]", "$.d[0]: documented fields not in the answer [e]"),
            JsonShapes.differences(documented, json("{\"a\":1,\"b\":{},\"d\":[{}]}")));
        assertEquals(List.of("$.d: documented an array, got NULL"), JsonShapes.differences(documented, json("{\"a\":1,\"b\":{\"c\":1},\"d\":null}")));
    }

    private static JsonNode json(final String text) throws Exception
    {
        return TestGateway.JSON.readTree(text);
    }
}
