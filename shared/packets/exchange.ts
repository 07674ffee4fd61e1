import { exchangeFileText, type FrozenLadderRef, openExchange, sealExchange } from '../evidence';
import { type PacketContent, packetContentSchema } from './model';
import { checkSignature, type SignatureCheck, signEnvelope, type SigningKeyPair } from './signing';

/** `trellis.packet` exchange files: what a manager sends a committee. */
export const PACKET_FORMAT = 'trellis.packet';
export const PACKET_FORMAT_VERSION = 1;

export interface PacketFileHeader {
  exporterVersion: string;
  exportedAt: string;
  ladder: FrozenLadderRef;
}

/** The file's text: sealed (sha256 of the canonical content) and, with a key, signed. */
export async function packetFileText(
  content: PacketContent,
  header: PacketFileHeader,
  key?: Pick<SigningKeyPair, 'publicKey' | 'privateKey'>,
): Promise<string> {
  const sealed = await sealExchange(
    {
      format: PACKET_FORMAT,
      formatVersion: PACKET_FORMAT_VERSION,
      exporterVersion: header.exporterVersion,
      exportedAt: header.exportedAt,
      ladder: header.ladder,
    },
    packetContentSchema.parse(content),
  );
  return exchangeFileText(key ? await signEnvelope(sealed, key) : sealed);
}

export type OpenedPacket =
  | { ok: true; content: PacketContent; ladder: FrozenLadderRef; exportedAt: string; exporterVersion: string; sha256: string; signature: SignatureCheck }
  | { ok: false; code: string; message: string };

/** Reads a packet file: JSON, envelope, format, hash, schema, then the signature. */
export async function openPacketFile(text: string): Promise<OpenedPacket> {
  const opened = await openExchange(text, {
    format: PACKET_FORMAT,
    maxFormatVersion: PACKET_FORMAT_VERSION,
    content: packetContentSchema,
    label: 'promotion packet',
  });
  if (!opened.ok) return { ok: false, code: opened.problem.code, message: opened.problem.message };
  const signature = await checkSignature(opened.envelope);
  return {
    ok: true,
    content: opened.content,
    ladder: opened.envelope.ladder,
    exportedAt: opened.envelope.exportedAt,
    exporterVersion: opened.envelope.exporter.version,
    sha256: opened.envelope.sha256,
    signature,
  };
}
