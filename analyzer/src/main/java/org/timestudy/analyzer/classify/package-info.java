/**
 * Behaviour classes (SCIENCE.md §3), change events, name/method/reference groups and re-measurement priority: pure
 * functions from a series to an immutable {@link org.timestudy.analyzer.classify.Verdict}, runnable anywhere a
 * series can be built, a Spark job included.
 */
package org.timestudy.analyzer.classify;
