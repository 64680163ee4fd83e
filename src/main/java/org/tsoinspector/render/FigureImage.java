package org.tsoinspector.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Draws a {@link Figure} and its caption into an image of an exact size, for PNG export. */
public final class FigureImage {

    private FigureImage() {
    }

    /** The figure at width x height pixels, caption (may be null) along the bottom. */
    public static BufferedImage draw(Figure figure, Caption caption, int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("a figure needs at least 50 x 50 pixels, not " + width + " x " + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int captionHeight = 0;
            if (caption != null) {
                Font font = captionFont(height);
                g.setFont(font);
                FontMetrics fm = g.getFontMetrics();
                captionHeight = fm.getHeight() + 8;
                g.setColor(Color.DARK_GRAY);
                g.drawString(fit(caption.text(), fm, width - 16), 8, height - 4 - fm.getDescent());
            }
            List<JFreeChart> panels = figure.panels();
            int cols = Math.min(figure.columns(), panels.size());
            int rows = figure.rows();
            double cw = (double) width / cols;
            double ch = (double) (height - captionHeight) / rows;
            for (int i = 0; i < panels.size(); i++) {
                Rectangle2D cell = new Rectangle2D.Double((i % cols) * cw, (i / cols) * ch, cw, ch);
                panels.get(i).draw(g, cell);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The height at which a one-panel image figure of an ny x nx frame, drawn {@code width} pixels wide
     * with its caption, shows square pixels: the chart is laid out once at a trial height, and what is
     * not its data area (title, axes, colour bar, caption) is kept while the data area gets the frame's
     * aspect ratio.
     */
    public static int squarePixelHeight(Figure figure, Caption caption, int width, int ny, int nx) {
        int trial = Math.max(200, (int) Math.round(width * (double) ny / nx) + 200);
        for (int pass = 0; pass < 2; pass++) {
            BufferedImage img = new BufferedImage(width, trial, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                int captionHeight = caption == null ? 0 : g.getFontMetrics(captionFont(trial)).getHeight() + 8;
                ChartRenderingInfo info = new ChartRenderingInfo();
                figure.panels().get(0).draw(g, new Rectangle2D.Double(0, 0, width, trial - captionHeight), info);
                Rectangle2D data = info.getPlotInfo().getDataArea();
                double overhead = trial - data.getHeight();
                trial = (int) Math.round(overhead + data.getWidth() * ny / nx);
            } finally {
                g.dispose();
            }
        }
        return Math.max(50, Math.min(20000, trial));
    }

    /** The caption's font for an image of this height. */
    private static Font captionFont(int height) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(14, height / 40)));
    }

    /** The text cut with an ellipsis to fit the width. */
    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
