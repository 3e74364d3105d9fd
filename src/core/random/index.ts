export * from './seeds.ts';
export * from './stream.ts';
export * from './samplers.ts';
export * from './specialFunctions.ts';
