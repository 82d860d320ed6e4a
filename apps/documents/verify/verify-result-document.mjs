#!/usr/bin/env node
// Verifies an Okno result document with nothing but `jose` (npm i jose) and Node.js:
//
//   node verify-result-document.mjs <document.pdf> <signature.jws> <jwks.json> [--online]
//
// <signature.jws> is the detached JWS the node published for the document (the `signature`
// of its verification page); <jwks.json> the node's keys (GET /api/documents/jwks.json),
// fetched once and kept: verification itself needs no network. --online also asks the
// node's verification page, named inside the signature, whether the document was revoked.
//
// Prints one JSON line; exits 0 if valid, 1 if not genuine, 2 if genuine but revoked.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, flattenedVerify } from 'jose';

const [pdfPath, jwsPath, jwksPath, ...flags] = process.argv.slice(2);
if (!pdfPath || !jwsPath || !jwksPath) {
  console.error(
    'usage: verify-result-document.mjs <document.pdf> <signature.jws> <jwks.json> [--online]',
  );
  process.exit(64);
}

const report = (exitCode, result) => {
  console.log(JSON.stringify(result));
  process.exit(exitCode);
};

const pdf = await readFile(pdfPath);
const jws = (await readFile(jwsPath, 'utf8')).trim();
const keys = createLocalJWKSet(JSON.parse(await readFile(jwksPath, 'utf8')));

// Detached payload (RFC 7515 appendix F): header..signature; the payload is the digest.
const [header, detached, signature, ...rest] = jws.split('.');
if (detached !== '' || !header || !signature || rest.length > 0) {
  report(1, { valid: false, reason: 'not a detached compact JWS' });
}
const digest = createHash('sha256').update(pdf).digest('base64url');

let protectedHeader;
try {
  ({ protectedHeader } = await flattenedVerify(
    { protected: header, payload: digest, signature },
    keys,
    { algorithms: ['ES256'], typ: 'okno-result+jws' },
  ));
} catch (error) {
  report(1, {
    valid: false,
    reason: `the signature does not match this file (${error.code ?? error.message})`,
  });
}

const result = { valid: true, document: protectedHeader.okno_doc, kid: protectedHeader.kid };
if (flags.includes('--online')) {
  const response = await fetch(protectedHeader.okno_verify, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok)
    report(1, { ...result, valid: false, reason: `the node answered ${response.status}` });
  const status = await response.json();
  if (status.status === 'revoked') {
    report(2, {
      ...result,
      valid: false,
      revoked: true,
      revokedAt: status.revoked.at,
      reason: status.revoked.reason,
    });
  }
  result.revoked = false;
}
report(0, result);
