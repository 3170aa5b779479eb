/**
 * The journal's record format (fixed-layout flyweights) and the one way to open, write and read the journal.
 */
package org.timestudy.journal;
