/**
 * Actors and actions as Cytoscape elements. The builders are in the contract, since the browser
 * draws an earlier version's graph with the same ones; re-exported here for the server's callers.
 */
export { edgeElement, nodeElement } from '../../contract/element-builders';
