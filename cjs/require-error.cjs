'use strict';
// aksnet is published as ES modules only; this file answers `require('aksnet')` with a clear message.
throw new Error(
  "aksnet is an ES module and cannot be loaded with require(). Use `import { defineArchitecture } from 'aksnet/dsl'` " +
    "in designs, `import { validateFiles } from 'aksnet'` in ES module code, or `await import('aksnet')` from CommonJS.",
);
