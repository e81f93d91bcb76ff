/**
 * Headers the gateway adds to each request it sends to a subgraph. Subgraphs
 * trust them only after checking the signature, which covers the identity.
 */
export const GATEWAY_HEADERS = {
  /** The verified caller, as the gateway forwards it (see identityHeaders.ts). */
  identity: 'x-jpg-identity',
  /** Milliseconds since the epoch when the gateway signed the request. */
  timestamp: 'x-jpg-timestamp',
  /** A random value used once; a second request with it is a replay. */
  nonce: 'x-jpg-nonce',
  /** `v1=<base64url HMAC-SHA256>` over the request (see requestSignature.ts). */
  signature: 'x-jpg-signature',
  /** The service the request is signed for: a member's code (`XK`) or an unsharded subgraph's name (`procurement`). Signed. */
  target: 'x-jpg-target',
  /** Which secret signed it: a fingerprint of the secret, so a subgraph refuses another deployment's key before reading the body. */
  keyId: 'x-jpg-key-id',
} as const;

export const ALL_GATEWAY_HEADERS: readonly string[] = Object.values(GATEWAY_HEADERS);
