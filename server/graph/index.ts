export * from './action-graph';
export * from './incidence';
export * from './neighbourhood';
export * from './paths';
export * from './chains';
export * from './metrics';
export * from './betweenness-service';
export * from './chain-rules';
