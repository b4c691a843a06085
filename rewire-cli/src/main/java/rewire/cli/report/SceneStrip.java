package rewire.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import rewire.models.rl.RecordedEpisode;
import rewire.models.rl.env.Scene;

/**
 * An episode as a PNG strip: frames side by side, each a {@link Scene} drawn with lines and
 * circles in a square panel (the scene's window kept in proportion), its step and reward under it.
 */
public final class SceneStrip {
    private static final int PANEL = 180;
    private static final int LABEL = 34;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(255, 127, 14)};

    private SceneStrip() {
    }

    /** The PNG bytes of {@code frames} of {@code episode}, left to right. */
    public static byte[] png(RecordedEpisode episode, List<RecordedEpisode.Frame> frames) throws IOException {
        Headless.ensure();
        BufferedImage image = new BufferedImage(PANEL * frames.size(), PANEL + LABEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < frames.size(); i++) {
                panel(g, frames.get(i).scene(), i * PANEL);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                RecordedEpisode.Frame f = frames.get(i);
                g.drawString("step " + f.step(), i * PANEL + 6, PANEL + 14);
                g.drawString(String.format(java.util.Locale.ROOT, "return %.1f", f.total()), i * PANEL + 6, PANEL + 28);
                g.setColor(Color.LIGHT_GRAY);
                g.drawLine(i * PANEL, 0, i * PANEL, PANEL + LABEL);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    // the scene's window scaled uniformly into the panel at x offset {@code left}, y up
    private static void panel(Graphics2D g, Scene s, int left) {
        double margin = 8;
        double scale = Math.min((PANEL - 2 * margin) / (s.xMax() - s.xMin()), (PANEL - 2 * margin) / (s.yMax() - s.yMin()));
        double x0 = left + PANEL / 2.0 - scale * (s.xMin() + s.xMax()) / 2;
        double y0 = PANEL / 2.0 + scale * (s.yMin() + s.yMax()) / 2;
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int colour = 0;
        for (Scene.Mark m : s.marks()) {
            g.setColor(PALETTE[colour++ % PALETTE.length]);
            switch (m) {
                case Scene.Segment seg -> g.drawLine((int) Math.round(x0 + scale * seg.x1()),
                        (int) Math.round(y0 - scale * seg.y1()), (int) Math.round(x0 + scale * seg.x2()),
                        (int) Math.round(y0 - scale * seg.y2()));
                case Scene.Dot d -> {
                    int r = Math.max(3, (int) Math.round(scale * d.radius()));
                    g.fillOval((int) Math.round(x0 + scale * d.x()) - r, (int) Math.round(y0 - scale * d.y()) - r, 2 * r,
                            2 * r);
                }
            }
        }
    }
}
