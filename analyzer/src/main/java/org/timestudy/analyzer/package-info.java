/**
 * The analyzer: turns observations into per-series clock estimates, behaviour classes, changes and reports.
 */
package org.timestudy.analyzer;
