/**
 * Ground truth and scoring against it: what each lab or simulated address's clock really does
 * ({@link org.timestudy.testbed.truth.GroundTruth}), and how an analysis's verdicts agree with it.
 */
package org.timestudy.testbed.truth;
