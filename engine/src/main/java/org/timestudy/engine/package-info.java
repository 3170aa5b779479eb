/**
 * The engine: a scan's conductor ({@link org.timestudy.engine.Scan}) and its context. Send and capture agents,
 * probes, wire formats, validation and status live in the subpackages.
 */
package org.timestudy.engine;
