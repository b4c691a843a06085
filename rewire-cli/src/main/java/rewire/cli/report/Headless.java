package rewire.cli.report;

/** Puts AWT in headless mode so charts render on machines without a display. */
final class Headless {
    private Headless() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless the user chose a value. Must run before AWT's
     * toolkit starts, which is why every class that draws calls it first.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
