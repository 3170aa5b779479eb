/**
 * The analyzer's picocli subcommands ({@code compact}, {@code query}): each parses, fills a Context and delegates.
 */
package org.timestudy.analyzer.cli;
