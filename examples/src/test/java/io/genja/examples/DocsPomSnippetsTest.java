package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```xml} block of the docs states the version of each plugin and dependency it names: Maven 3.8
 * picks an old default {@code maven-compiler-plugin} (3.1) otherwise, which ignores {@code release} and
 * {@code annotationProcessorPaths}. A plugin this repository's parent POM also uses must have the same version
 * there, so the docs move with the build that tests them.
 */
class DocsPomSnippetsTest {

    private static final Pattern PLUGIN = Pattern.compile("<plugin>(.*?)</plugin>", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void everyPluginAndDependencyInTheDocsStatesItsVersion() throws IOException {
        Path root = DocsRoot.find();
        Map<String, String> parentVersions = parentPluginVersions(root.resolve("pom.xml"));
        List<String> problems = new ArrayList<>();
        int plugins = 0;
        for (Path page : DocsRoot.pages(root)) {
            for (MarkdownSnippets.Block block : MarkdownSnippets.blocks(page)) {
                if (!block.language().equals("xml")) {
                    continue;
                }
                String where = root.relativize(page) + ":" + block.firstLine();
                Matcher plugin = PLUGIN.matcher(block.code());
                while (plugin.find()) {
                    plugins++;
                    String artifactId = element(plugin.group(1), "artifactId");
                    String version = element(plugin.group(1), "version");
                    if (version == null) {
                        problems.add(where + ": plugin " + artifactId + " has no <version>");
                    } else if (parentVersions.containsKey(artifactId) && !parentVersions.get(artifactId).equals(version)) {
                        problems.add(where + ": plugin " + artifactId + " " + version + ", but the parent POM uses "
                                + parentVersions.get(artifactId));
                    }
                }
                Matcher dependency = DEPENDENCY.matcher(block.code());
                while (dependency.find()) {
                    if (element(dependency.group(1), "version") == null) {
                        problems.add(where + ": dependency " + element(dependency.group(1), "artifactId")
                                + " has no <version> (a user's project has no parent POM to inherit it from)");
                    }
                }
            }
        }
        assertThat(plugins).as("plugins in the docs' pom snippets").isPositive();
        assertThat(problems).isEmpty();
    }

    /** artifactId → version of each plugin in the parent POM's pluginManagement, properties resolved. */
    private static Map<String, String> parentPluginVersions(Path pom) throws IOException {
        String xml = Files.readString(pom);
        Map<String, String> versions = new HashMap<>();
        Matcher plugin = PLUGIN.matcher(xml);
        while (plugin.find()) {
            String version = element(plugin.group(1), "version");
            if (version == null) {
                continue;
            }
            Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
            if (property.matches()) {
                version = element(xml, Pattern.quote(property.group(1)));
            }
            versions.put(element(plugin.group(1), "artifactId"), version);
        }
        return versions;
    }

    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }
}
