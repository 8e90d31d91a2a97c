package org.communityledger.launcher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A member organisation of the demo, read from {@code demo/organizations.tsv}. */
record DemoOrganization(String organizationId, String kind, String province, String chineseName,
                        String englishName, Set<String> communities) {

    /** The name the ledger records: Chinese first, then English. */
    String name() {
        return chineseName + " " + englishName;
    }

    boolean memberOf(String community) {
        return communities.contains(community);
    }

    static List<DemoOrganization> load() {
        try (InputStream stream = DemoOrganization.class.getResourceAsStream("/demo/organizations.tsv")) {
            if (stream == null) {
                throw new IllegalStateException("demo/organizations.tsv is missing from the classpath");
            }
            List<DemoOrganization> organizations = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                organizations.add(new DemoOrganization(columns[0], columns[1], columns[2], columns[3], columns[4],
                        Set.of(columns[5].split(","))));
            }
            return organizations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
