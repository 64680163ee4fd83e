package org.tsoinspector.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tsoinspector.inspect.ColorScale;
import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.render.DisplayRange;

/** A horizontal colour bar with value ticks for the renderer of the frame shown. */
final class ColorbarView extends Region {

    private static final double BAR_HEIGHT = 14;
    private final Canvas canvas = new Canvas();
    private ColorScale scale;
    private String title = "";

    ColorbarView() {
        getChildren().add(canvas);
        setPrefHeight(44);
        setMinHeight(44);
        setId("colorbar");
    }

    void show(ColorScale s, String title) {
        this.scale = s;
        this.title = title;
        draw();
    }

    /** The line under the bar saying what it is the scale of. */
    String title() {
        return title;
    }

    /** The range of the bar shown, or null. */
    DisplayRange range() {
        return scale == null ? null : scale.range();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        if (scale == null || w < 40) {
            return;
        }
        double x0 = 8;
        int len = (int) Math.max(10, w - 16);
        ArgbImage strip = scale.strip(len);
        WritableImage img = new WritableImage(len, 1);
        img.getPixelWriter().setPixels(0, 0, len, 1, PixelFormat.getIntArgbInstance(), strip.argb(), 0, len);
        gc.setImageSmoothing(false);
        gc.drawImage(img, x0, 2, len, BAR_HEIGHT);
        gc.setStroke(Color.GRAY);
        gc.strokeRect(x0 - 0.5, 1.5, len + 1, BAR_HEIGHT + 1);
        DisplayRange r = scale.range();
        gc.setFont(Font.font(10));
        gc.setFill(Color.rgb(50, 50, 50));
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(gc.getFont());
        for (double t : scale.ticks(Math.max(2, len / 70))) {
            double x = x0 + r.fraction(t) * (len - 1);
            gc.strokeLine(x, 2 + BAR_HEIGHT, x, 5 + BAR_HEIGHT);
            String label = ColorScale.tickLabel(t);
            measure.setText(label);
            double half = measure.getLayoutBounds().getWidth() / 2;
            // a label at either end is kept inside the bar's canvas (the first one read "2.50" for "-2.50")
            gc.setTextAlign(x - half < 0 ? TextAlignment.LEFT : x + half > w ? TextAlignment.RIGHT : TextAlignment.CENTER);
            gc.fillText(label, x - half < 0 ? 0 : x + half > w ? w : x, 16 + BAR_HEIGHT);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(title, x0, h - 2);
    }
}
