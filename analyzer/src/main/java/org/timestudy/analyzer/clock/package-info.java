/**
 * Per-series clock estimation: the series input buffer, minimum-delay burst selection, robust and envelope line
 * fits, PELT segmentation, clock mixtures, and the two-state Kalman filter with CUSUM as the online estimator.
 * Pure math on primitive arrays: no I/O, and no allocation per series once the buffers have grown.
 */
package org.timestudy.analyzer.clock;
