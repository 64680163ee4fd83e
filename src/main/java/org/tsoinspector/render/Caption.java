package org.tsoinspector.render;

/**
 * The line under an exported plot saying what it shows: file, integration, group and stage.
 *
 * @param integration 1-based, or 0 for a plot over all integrations
 * @param group       1-based, or 0 for a plot over all groups
 */
public record Caption(String file, int integration, int group, String stage) {

    public String text() {
        StringBuilder sb = new StringBuilder(file);
        sb.append("  |  ").append(integration > 0 ? "integration " + integration : "all integrations");
        sb.append("  |  ").append(group > 0 ? "group " + group : "all groups");
        if (stage != null && !stage.isBlank()) {
            sb.append("  |  ").append(stage);
        }
        return sb.toString();
    }
}
