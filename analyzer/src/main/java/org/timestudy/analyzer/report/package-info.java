/**
 * What the analysis tells people: the summary {@code analyze} prints (accumulated verdict by verdict in bounded
 * memory), and the study's report read back from an analysed dataset ({@link org.timestudy.analyzer.report.Study})
 * as text ({@link org.timestudy.analyzer.report.TextReport}) and as a self-contained page with JFreeChart charts
 * ({@link org.timestudy.analyzer.report.HtmlReport}); {@link org.timestudy.analyzer.report.ClockFormat} writes every
 * offset, duration, rate and time for people.
 */
package org.timestudy.analyzer.report;
