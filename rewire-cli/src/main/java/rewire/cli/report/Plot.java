package rewire.cli.report;

/**
 * One rendered chart.
 *
 * @param fileName the PNG's name inside the run's {@code plots/} folder
 * @param title    the chart's title, also its alternative text in the report
 * @param caption  how to read the chart, shown under it in the report
 * @param png      the PNG bytes
 */
public record Plot(String fileName, String title, String caption, byte[] png) {
}
