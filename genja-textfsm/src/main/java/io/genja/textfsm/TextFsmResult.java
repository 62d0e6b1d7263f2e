package io.genja.textfsm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template made of a text: the {@link #header()} (the template's Value names, in order) and one row per
 * record, each holding one entry per Value: a {@code String} ({@code ""} when the Value matched nothing), or for
 * a {@code List} Value a {@code List} of strings, or of maps from nested group names to strings when its regex has
 * named groups. Exactly what textfsm's {@code ParseText} returns.
 */
public record TextFsmResult(List<String> header, List<List<Object>> rows) {

    public TextFsmResult {
        header = List.copyOf(header);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** One map per row, from Value name to entry, in header order (textfsm's {@code ParseTextToDicts}). */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), row.get(i));
            }
            maps.add(Collections.unmodifiableMap(map));
        }
        return Collections.unmodifiableList(maps);
    }
}
