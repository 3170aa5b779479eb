/**
 * Ground-truth clocks of the simulated Internet: every address's clock model and response behaviour as a pure
 * function of (seed, address, true time, request), with no per-address memory, and the truth behind them.
 */
package org.timestudy.testbed.clock;
