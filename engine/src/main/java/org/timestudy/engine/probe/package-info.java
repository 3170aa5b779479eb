/**
 * The probe contract: a probe type builds frames, recognises its replies and decodes them; the engine sends,
 * captures, validates and journals. Each protocol lives in its own subpackage.
 */
package org.timestudy.engine.probe;
