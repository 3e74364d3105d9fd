/** Package version, kept equal to package.json by a test (the core cannot read files). */
export const VERSION = '0.1.0';
