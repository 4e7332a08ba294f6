// The useful part of a network or SMTP error: its cause's code ("ECONNREFUSED") or message.
export function causeOf(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
