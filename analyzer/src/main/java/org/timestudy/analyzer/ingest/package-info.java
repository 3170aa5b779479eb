/**
 * Reads the journal (live, finished or cut by kill -9) and compacts it into the Parquet dataset: the column
 * schemas, the write supports that copy flyweight fields straight into Parquet, the dataset layout and its manifest.
 */
package org.timestudy.analyzer.ingest;
