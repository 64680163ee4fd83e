package org.tsoinspector.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.tsoinspector.inspect.WindowBounds;

/** What the window remembers between runs (java.util.prefs): size, last folder, recent files, display choices. */
public final class AppSettings {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppSettings.class);

    private static final int MAX_RECENT = 8;
    private static final String RECENT_PREFIX = "recent.";

    private final Preferences prefs;

    public AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's settings node; tests pass their own node name so they never touch the real one. */
    public static AppSettings forNode(String name) {
        return new AppSettings(Preferences.userRoot().node(name));
    }

    /** The window's place and size when it last closed ({@link WindowBounds#NONE} before that). */
    public WindowBounds windowBounds() {
        return new WindowBounds(prefs.getDouble("window.x", Double.NaN), prefs.getDouble("window.y", Double.NaN),
                prefs.getDouble("window.width", Double.NaN), prefs.getDouble("window.height", Double.NaN));
    }

    public void setWindowBounds(WindowBounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
    }

    public boolean maximized() {
        return prefs.getBoolean("window.maximized", false);
    }

    public void setMaximized(boolean m) {
        prefs.putBoolean("window.maximized", m);
    }

    /** The folder of the last file opened, or the user's home when none (or it is gone). */
    public Path lastFolder() {
        String s = prefs.get("last.folder", System.getProperty("user.home"));
        Path p = Path.of(s);
        return Files.isDirectory(p) ? p : Path.of(System.getProperty("user.home"));
    }

    public void setLastFolder(Path folder) {
        if (folder != null) {
            prefs.put("last.folder", folder.toAbsolutePath().toString());
        }
    }

    /** Recently opened files, newest first; each entry is one exposure (its segments joined by '|'). */
    public List<List<Path>> recentFiles() {
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = prefs.get(RECENT_PREFIX + i, null);
            if (s == null) {
                break;
            }
            List<Path> files = new ArrayList<>();
            for (String part : s.split("\\|")) {
                files.add(Path.of(part));
            }
            out.add(files);
        }
        return out;
    }

    public void addRecent(List<Path> files) {
        List<String> entries = new ArrayList<>();
        entries.add(join(files));
        for (List<Path> old : recentFiles()) {
            String e = join(old);
            if (!entries.contains(e)) {
                entries.add(e);
            }
        }
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < entries.size()) {
                prefs.put(RECENT_PREFIX + i, entries.get(i));
            } else {
                prefs.remove(RECENT_PREFIX + i);
            }
        }
    }

    private static String join(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(p.toAbsolutePath());
        }
        return sb.toString();
    }

    public String get(String key, String def) {
        return prefs.get(key, def);
    }

    public void put(String key, String value) {
        prefs.put(key, value);
    }

    public double getDouble(String key, double def) {
        return prefs.getDouble(key, def);
    }

    public void putDouble(String key, double value) {
        prefs.putDouble(key, value);
    }

    public boolean getBoolean(String key, boolean def) {
        return prefs.getBoolean(key, def);
    }

    public void putBoolean(String key, boolean value) {
        prefs.putBoolean(key, value);
    }

    /** Writes to the backing store now (on close); a failure only means settings are not kept. */
    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.warn("settings not saved: {}", e.getMessage());
        }
    }

    /** Forgets everything (tests). */
    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            LOG.warn("settings not cleared: {}", e.getMessage());
        }
    }
}
