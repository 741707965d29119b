export * from './model';
export * from './offsets';
export * from './w3c';
export * from './brat';
export * from './csv';
export * from './network';
export * from './graph';
export * from './files';
