export * from './seeds.ts';
export * from './stream.ts';
export * from './substreams.ts';
export * from './samplers.ts';
export * from './specialFunctions.ts';
