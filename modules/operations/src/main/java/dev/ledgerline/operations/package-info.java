/**
 * Projection status, rebuilds and dead letters for every projection that declares itself with a
 * {@link dev.ledgerline.operations.api.ProjectionDescriptor}. Depends on no other module: the projections depend on it.
 */
package dev.ledgerline.operations;
