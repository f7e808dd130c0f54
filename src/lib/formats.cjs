// ajv formats of the solution schema, in plain CommonJS: the runtime validator
// (validate.ts) adds them, and the precompiled one (schemas/solution.validate.cjs)
// requires this very file, through ajv's standalone `code.formats` option, so
// both run the same code.
"use strict";

// https only, a host name with a dot (ASCII; IDN hosts in punycode), no
// credentials, and none of the characters a URL must percent-encode (white
// space, controls, double quotes, angle brackets…), so it stays inert wherever shown.
const HTTPS_URL =
  /^https:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{1,62}(?::[0-9]{1,5})?(?:[/?#][^\s\u0000-\u001f\u007f-\u009f"<>\\^`{|}]*)?$/u;

/** An absolute https URL that the WHATWG URL parser accepts (so no port above 65535). */
function isHttpsUrl(value) {
  if (!HTTPS_URL.test(value)) return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

module.exports = { "https-url": isHttpsUrl };
