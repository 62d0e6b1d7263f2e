package io.genja.processor.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedStructuresIndented() {
        String json = new JsonWriter().beginObject()
                .name("a").value("x")
                .name("b").beginArray().value(true).value((String) null).endArray()
                .name("c").beginArray().endArray()
                .name("d").beginObject().endObject()
                .endObject().toString();
        assertThat(json).isEqualTo("""
                {
                  "a": "x",
                  "b": [
                    true,
                    null
                  ],
                  "c": [],
                  "d": {}
                }
                """);
    }

    @Test
    void escapesWhatJsonRequires() {
        String json = new JsonWriter().beginArray().value("quote \" backslash \\ tab \t newline \n bell \u0007 é").endArray()
                .toString();
        assertThat(json).isEqualTo("[\n  \"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 é\"\n]\n");
    }
}
