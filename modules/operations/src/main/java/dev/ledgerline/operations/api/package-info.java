/**
 * The contract between a projection and the operations module: the descriptor every projection declares, whether
 * the code runs in a rebuild's transaction, and the scheduler of a processor's coordinator.
 */
package dev.ledgerline.operations.api;
