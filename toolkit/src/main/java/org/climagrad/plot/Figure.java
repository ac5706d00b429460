package org.climagrad.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * A reproduced figure: the data behind it (a Tablesaw table, what tests assert on) and its panels
 * (XChart charts laid out in a grid). Notebooks print the table and display {@link #image()}.
 *
 * @param title figure title, e.g. "CODA Fig. 3a-b"
 * @param data the data behind every panel, long format
 * @param panels the charts, row-major in the grid
 * @param columns panels per row, ≥ 1
 */
public record Figure(String title, Table data, List<Chart<?, ?>> panels, int columns) {
    /** Validates and copies the panel list. */
    public Figure {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("panels: a figure needs at least one chart");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + ": must be >= 1");
        }
        panels = List.copyOf(panels);
    }

    /** A one-panel figure. */
    public static Figure of(String title, Table data, Chart<?, ?> chart) {
        return new Figure(title, data, List.of(chart), 1);
    }

    /** The panels rendered into one image (grid of {@link #columns()} columns). */
    public BufferedImage image() {
        int rows = (panels.size() + columns - 1) / columns;
        int w = 0;
        int h = 0;
        for (Chart<?, ?> c : panels) {
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        int cols = Math.min(columns, panels.size());
        BufferedImage img = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            BufferedImage p = BitmapEncoder.getBufferedImage(panels.get(i));
            g.drawImage(p, (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        return img;
    }

    /**
     * Writes {@link #image()} as a PNG. The file appears whole or not at all (written to a
     * temporary file in the same folder, then moved).
     *
     * @param file target path; its folder is created if missing
     * @return the path written
     */
    public Path savePng(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".figure", ".png.tmp");
            try {
                if (!ImageIO.write(image(), "png", tmp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write figure '" + title + "' to " + file, e);
        }
    }

    @Override
    public String toString() {
        return title + " (" + panels.size() + " panel(s), data " + data.rowCount() + " rows x " + data.columnCount()
                + " columns)";
    }
}
