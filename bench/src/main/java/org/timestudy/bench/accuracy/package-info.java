/**
 * The analyzer's accuracy against ground truth: synthetic observation streams from the simulated Internet's
 * population, classified and scored (confusion matrix, macro-F1, offset and rate errors, change detection).
 */
package org.timestudy.bench.accuracy;
