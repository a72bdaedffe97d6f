/** The contract between a projection and the operations module: the descriptor every projection declares. */
package dev.ledgerline.operations.api;
