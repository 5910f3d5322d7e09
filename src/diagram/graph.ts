/** The view graph types, re-exported where the diagram stage has always imported them from. */
export type { BoxStyle, EdgeStyle, FlowStep, ViewEdge, ViewGraph, ViewName, ViewNode } from '../model/view-graph.js';
