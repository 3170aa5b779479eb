/**
 * The pseudo-random scan order: a walk over the multiplicative group of integers modulo a prime just above the
 * target space, split into shards and per-thread subshards, with no per-target state.
 */
package org.timestudy.targets.permute;
