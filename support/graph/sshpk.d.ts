// The part of sshpk (already installed with restify) the Graph stand-in uses to make its certificate.
declare module 'sshpk' {
  interface PrivateKey {
    readonly type: string;
  }
  interface Identity {
    readonly type: string;
  }
  interface Certificate {
    toString(format: 'pem'): string;
  }
  function parsePrivateKey(data: string, format: 'pem'): PrivateKey;
  function identityForHost(hostname: string): Identity;
  function createSelfSignedCertificate(subject: Identity, key: PrivateKey, options?: { lifetime?: number }): Certificate;
  const sshpk: { parsePrivateKey: typeof parsePrivateKey; identityForHost: typeof identityForHost; createSelfSignedCertificate: typeof createSelfSignedCertificate };
  export default sshpk;
}
