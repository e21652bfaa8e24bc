import { generateKeyPairSync } from 'node:crypto';
import sshpk from 'sshpk';

/**
 * A throwaway certificate for `localhost`, made when a stand-in starts: the Graph SDK only talks
 * https (and only attaches its token to https hosts it knows), so the stand-in serves https and
 * the app trusts exactly this certificate. Nothing is written to disk.
 */
export function localhostCertificate(days = 2): { key: string; cert: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = sshpk.createSelfSignedCertificate(sshpk.identityForHost('localhost'), sshpk.parsePrivateKey(key, 'pem'), { lifetime: days * 86_400 });
  return { key, cert: cert.toString('pem') };
}
