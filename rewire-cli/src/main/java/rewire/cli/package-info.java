/** The {@code rewire} command: picocli subcommands over the library. */
package rewire.cli;
