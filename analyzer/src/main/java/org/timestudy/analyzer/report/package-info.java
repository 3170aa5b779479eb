/**
 * What an analysis prints: the summary of the verdicts of a dataset (classes, offset bands, worst hosts, changes,
 * groups), accumulated verdict by verdict in bounded memory. No I/O but the writer it prints to.
 */
package org.timestudy.analyzer.report;
