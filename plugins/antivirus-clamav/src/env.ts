/** Where clamd listens: OKNO_CLAMD_ADDRESS=host:port (clamd's TCPAddr and TCPSocket). */
export function clamdAddressFromEnv(): { host: string; port: number } {
  const raw = process.env['OKNO_CLAMD_ADDRESS'] ?? '';
  const match = /^([\w.-]+):(\d{1,5})$/.exec(raw);
  if (!match?.[1] || !match[2]) {
    throw new Error('OKNO_CLAMD_ADDRESS must name where clamd listens, as host:port');
  }
  return { host: match[1], port: Number(match[2]) };
}
