/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // A global option: jest ignores it inside projects. Browser and server-process suites need it.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'product', roots: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/test'] },
    {
      ...common,
      displayName: 'addin',
      roots: ['<rootDir>/addin'],
      // office-addin-mock reaches ES-module-only packages through office-addin-manifest; it only needs OfficeApp.
      moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/addin/test-support/office-app.cjs' },
    },
  ],
};
