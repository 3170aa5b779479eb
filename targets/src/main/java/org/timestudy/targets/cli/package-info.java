/**
 * The {@code timestudy targets} command: count, list in walk order, resolve names.
 */
package org.timestudy.targets.cli;
