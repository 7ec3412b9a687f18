package dev.groundwork.cli.plot;

import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Stacks charts vertically into one PNG, written through a temporary file moved into place. */
public final class PlotImage {
    static {
        // no window system needed, and none is wanted on a server
        System.setProperty("java.awt.headless", "true");
    }

    private PlotImage() { }

    public static void writePng(Path file, int width, int heightEach, List<JFreeChart> charts) {
        BufferedImage image = new BufferedImage(width, heightEach * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(0, (double) i * heightEach, width, heightEach));
            }
        } finally {
            g.dispose();
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) throw new IOException("folder " + dir + " does not exist");
            Path tmp = dev.groundwork.core.io.SiblingTempFile.create(file);
            try {
                if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": cannot write the plot: " + e.getMessage(), e);
        }
    }
}
