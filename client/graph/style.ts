/**
 * The stylesheet: appearance comes from data and classes, never from per-element style calls.
 * Classes: actor, action (set by the adapter); focus, faded, hl, filtered, future, chain-step,
 * lane, axis (set by features).
 */
import type { StylesheetJson } from 'cytoscape';
import { ACTOR_KINDS, CATEGORIES, LAYERS, STATUSES } from '../../contract';
import { DISPUTED_LABEL, NO_LAYER_COLOUR, STATUS_LOOKS, categoryColour, kindShape, layerColour } from './palette';

export function stylesheet(): StylesheetJson {
  const rules: StylesheetJson = [
    {
      selector: 'node.actor',
      style: {
        label: 'data(label)',
        'background-color': NO_LAYER_COLOUR,
        'border-width': 1.5,
        'border-color': '#ffffff',
        width: 'mapData(deg, 1, 12, 26, 64)',
        height: 'mapData(deg, 1, 12, 26, 64)',
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#1a1a1a',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'z-index': 10,
      },
    },
    {
      selector: 'edge.action',
      style: {
        label: 'data(label)',
        'curve-style': 'bezier',
        'control-point-step-size': 28,
        width: 2,
        'line-color': '#7a7a7a',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#7a7a7a',
        'arrow-scale': 0.9,
        'font-size': 9,
        color: '#333333',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 9,
        'z-index': 1,
      },
    },
  ];
  for (const layer of LAYERS) rules.push({ selector: `node.actor[layer = "${layer}"]`, style: { 'background-color': layerColour(layer) } });
  for (const kind of ACTOR_KINDS) rules.push({ selector: `node.actor[kind = "${kind}"]`, style: { shape: kindShape(kind) as never } });
  for (const category of CATEGORIES) {
    const c = categoryColour(category);
    rules.push({ selector: `edge[category = "${category}"]`, style: { 'line-color': c, 'target-arrow-color': c } });
  }
  for (const status of STATUSES) {
    const look = STATUS_LOOKS[status];
    rules.push({
      selector: `edge[status = "${status}"]`,
      style: { width: look.width, 'line-style': look.dash, ...(look.pattern.length ? { 'line-dash-pattern': look.pattern } : {}) },
    });
  }
  rules.push(
    { selector: 'edge.action[status = "disputed"]', style: { color: DISPUTED_LABEL } },
    // Parallel actions of one type drawn as one edge with their count (bundles.ts); a bundle
    // shows the strongest status among its actions.
    {
      selector: 'edge.bundle',
      style: {
        label: 'data(label)',
        'curve-style': 'bezier',
        'control-point-step-size': 28,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'font-size': 10,
        'font-weight': 'bold',
        color: '#222222',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-border-width': 1,
        'text-border-color': '#888888',
        'text-border-opacity': 1,
        'min-zoomed-font-size': 8,
        'z-index': 2,
      },
    },
    { selector: 'edge.bundle.picked', style: { 'underlay-color': '#ffbf00', 'underlay-opacity': 0.55, 'underlay-padding': 4 } },
    { selector: '.bundled', style: { display: 'none' } },
    // Large graphs: the WebGL renderer draws every label (it ignores min-zoomed-font-size), so
    // edge labels are left out and node labels come back when zoomed in (class "far", see cy.ts).
    // Straight rather than bezier: bezier bundling looks up every edge's parallel edges on each
    // draw, which on 20,000 edges cost seconds; parallel actions then overlap, as they do at that
    // scale anyway, and keep their arrows.
    { selector: 'edge.action.big', style: { label: '', 'curve-style': 'straight' } },
    { selector: 'node.actor.big.far', style: { label: '' } },
    { selector: 'edge.action.big.picked, edge.action.big.hl', style: { label: 'data(label)' } },
    { selector: 'node.actor.focus', style: { 'border-width': 4, 'border-color': '#111111' } },
    { selector: 'node.actor.picked', style: { 'border-width': 4, 'border-color': '#ffbf00', 'overlay-opacity': 0 } },
    {
      selector: 'edge.action.picked',
      style: { 'underlay-color': '#ffbf00', 'underlay-opacity': 0.55, 'underlay-padding': 4, 'z-index': 9 },
    },
    { selector: '.faded', style: { opacity: 0.14, 'text-opacity': 0.1 } },
    {
      selector: 'edge.hl',
      style: {
        width: 5,
        'z-index': 20,
        'underlay-color': '#ffe082',
        'underlay-opacity': 0.8,
        'underlay-padding': 3,
        'min-zoomed-font-size': 4,
      },
    },
    { selector: 'node.hl', style: { 'border-width': 4, 'border-color': '#ff8f00', 'z-index': 30, 'min-zoomed-font-size': 4 } },
    { selector: '.filtered, .future, .offview', style: { display: 'none' } },
    { selector: 'edge.just', style: { 'underlay-color': '#ffd54f', 'underlay-opacity': 0.9, 'underlay-padding': 6 } },
    {
      selector: 'edge.chain-step',
      style: {
        label: 'data(step)',
        'font-size': 13,
        'font-weight': 'bold',
        'text-rotation': 'none',
        'min-zoomed-font-size': 4,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(cpd)' as never,
        'control-point-weights': [0.5],
      },
    },
    {
      selector: 'node.lane',
      style: {
        shape: 'rectangle',
        'background-color': 'data(colour)',
        'background-opacity': 0.1,
        'border-width': 0,
        width: 'data(w)',
        height: 'data(h)',
        label: 'data(label)',
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -8,
        'font-size': 14,
        'font-weight': 'bold',
        color: '#333333',
        events: 'no',
        'z-index': 0,
        'z-compound-depth': 'bottom',
        'min-zoomed-font-size': 5,
      },
    },
    {
      selector: 'node.axis',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        label: 'data(label)',
        'font-size': 11,
        color: '#555555',
        'text-valign': 'bottom',
        events: 'no',
        'min-zoomed-font-size': 5,
      },
    },
    // Last, so they win over every rule that sets a label: labels that would overlap a more
    // important one (labels.ts) are hidden, and come back on hover.
    { selector: 'node.label-hidden, edge.label-hidden', style: { label: '' } },
    { selector: 'node.label-hidden.hover, edge.label-hidden.hover', style: { label: 'data(label)', 'z-index': 40 } },
    { selector: 'edge.chain-step.label-hidden.hover', style: { label: 'data(step)' } },
  );
  return rules;
}
