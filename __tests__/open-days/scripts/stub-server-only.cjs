/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS --require hook for child processes */
// Child processes of the open-days tests run lib/ code outside Next and Jest:
// "server-only" would throw there (no react-server condition), so it resolves to an empty module.
const Module = require("node:module");
const path = require("node:path");
const empty = path.join(__dirname, "..", "..", "helpers", "empty-module.ts");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? empty : request, ...rest);
};
